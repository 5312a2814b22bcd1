import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import type { GenericConnectorConfig, Office365ConnectorConfig } from '../../saml';
import type { SamlConnectorEvent, StoredSigningKey } from './events';
import { samlConnectorDecider, type SamlConnectorCommand } from './saml-connector-decider';

const office365: Office365ConnectorConfig = {
  kind: 'OFFICE_365',
  federatedDomain: 'contoso.com',
  brandName: 'Contoso',
  issuerUri: 'https://sso.example.test/saml/c1',
  immutableId: { attribute: 'objectGUID', encoding: 'binary' },
  upnAttribute: 'userPrincipalName',
  mfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
  requireSignedAuthnRequests: false,
  microsoftSigningCertificates: [],
};
const generic = {
  kind: 'GENERIC',
  idpEntityId: 'https://sso.example.test/saml/app',
  sp: { entityId: 'https://app.example.org', assertionConsumerServices: [{ url: 'https://app.example.org/acs', binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST' }], signingCertificates: [], wantAssertionsSigned: true, authnRequestsSigned: false, nameIdFormats: [] },
  nameId: { format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', sourceAttribute: 'mail' },
  attributes: [],
  signAssertion: true,
  signResponse: true,
  signatureAlgorithm: 'RSA_SHA256',
  encryptAssertion: false,
} as GenericConnectorConfig;

const key = (n: string): StoredSigningKey => ({
  certificatePem: `-----BEGIN CERTIFICATE-----\n${n}\n-----END CERTIFICATE-----\n`,
  certificateBase64Der: n,
  privateKey: `sealed:v1:k:i:${n}` as Sealed,
  notAfter: '2031-01-01T00:00:00.000Z',
  fingerprintSha256: `FP:${n}`,
});

const created: SamlConnectorEvent = { type: 'SamlConnectorCreated', data: { connectorId: 'c1', name: 'Office 365', config: office365, template: false } };
const currentKey: SamlConnectorEvent = { type: 'SigningKeyGenerated', data: { connectorId: 'c1', slot: 'current', ...key('A') } };
const nextKey: SamlConnectorEvent = { type: 'SigningKeyGenerated', data: { connectorId: 'c1', slot: 'next', ...key('B') } };

const given = (events: SamlConnectorEvent[]) => ({
  when: (command: SamlConnectorCommand) => () => samlConnectorDecider.decide(command, fold(samlConnectorDecider, events)),
});
const fieldsOf = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (error) {
    return (error as { details: { fields: Record<string, string> } }).details.fields;
  }
  throw new Error('expected a validation error');
};

describe('SAML connector decider', () => {
  it('creates a connector together with its first signing key, and records an imported SP', () => {
    const events = given([]).when({ type: 'CreateSamlConnector', connectorId: 'c2', name: ' App ', config: generic, signingKey: key('A'), issuerInUse: false, importedSpEntityId: 'https://app.example.org' })();
    expect(events).toEqual([
      { type: 'SamlConnectorCreated', data: { connectorId: 'c2', name: 'App', config: generic, template: false } },
      { type: 'SigningKeyGenerated', data: { connectorId: 'c2', slot: 'current', ...key('A') } },
      { type: 'SpMetadataImported', data: { connectorId: 'c2', entityId: 'https://app.example.org' } },
    ]);
  });

  it('refuses an Office 365 Issuer URI that another connector uses, and a missing name, in one answer', () => {
    const fields = fieldsOf(given([]).when({ type: 'CreateSamlConnector', connectorId: 'c1', name: ' ', config: office365, signingKey: key('A'), issuerInUse: true }));
    expect(fields).toEqual({ name: expect.stringMatching(/Give the connector a name/), issuerUri: expect.stringMatching(/already uses this Issuer URI/) });
    expect(fieldsOf(given([created, currentKey]).when({ type: 'UpdateSamlConnector', name: 'Office 365', config: office365, issuerInUse: true }))).toHaveProperty('issuerUri');
  });

  it('does not apply the Office 365 issuer rule to a generic connector', () => {
    expect(given([created]).when({ type: 'UpdateSamlConnector', name: 'App', config: generic, issuerInUse: true })()).toHaveLength(1);
  });

  it('an update that changes nothing records nothing', () => {
    expect(given([created, currentKey]).when({ type: 'UpdateSamlConnector', name: 'Office 365', config: office365, issuerInUse: false })()).toEqual([]);
  });

  it('rotation needs a next key; after it the next key signs and the old one is kept as previous', () => {
    expect(given([created, currentKey]).when({ type: 'RotateSigningKey' })).toThrow(/Generate the next signing key first/);
    const rotated = given([created, currentKey, nextKey]).when({ type: 'RotateSigningKey' })();
    expect(rotated).toEqual([{ type: 'SigningKeyRotated', data: { connectorId: 'c1', fingerprintSha256: 'FP:B' } }]);
    const state = fold(samlConnectorDecider, [created, currentKey, nextKey, ...rotated]);
    expect(state).toMatchObject({ status: 'active', signing: { current: key('B'), previous: key('A') } });
    expect(state.status === 'active' && state.signing.next).toBeFalsy();
  });

  it('removes the previous key only when there is one', () => {
    expect(given([created, currentKey]).when({ type: 'RemovePreviousSigningKey' })).toThrow(/no previous signing key/);
    const rotated: SamlConnectorEvent = { type: 'SigningKeyRotated', data: { connectorId: 'c1', fingerprintSha256: 'FP:B' } };
    const removed = given([created, currentKey, nextKey, rotated]).when({ type: 'RemovePreviousSigningKey' })();
    expect(fold(samlConnectorDecider, [created, currentKey, nextKey, rotated, ...removed])).toMatchObject({ signing: { current: key('B') } });
    expect(JSON.stringify(fold(samlConnectorDecider, [created, currentKey, nextKey, rotated, ...removed]))).not.toContain('previous');
  });

  it('imports SP metadata only into a generic connector', () => {
    expect(given([created]).when({ type: 'ImportSpMetadata', config: generic })).toThrow(/import metadata into a generic SAML connector/);
    const genericCreated: SamlConnectorEvent = { type: 'SamlConnectorCreated', data: { connectorId: 'c1', name: 'App', config: generic, template: false } };
    expect(given([genericCreated]).when({ type: 'ImportSpMetadata', config: generic })().map((e) => e.type)).toEqual(['SamlConnectorUpdated', 'SpMetadataImported']);
  });

  it('refuses to delete a connector a service uses, naming the service', () => {
    expect(given([created]).when({ type: 'DeleteSamlConnector', usedByServices: ['Office 365'] })).toThrow(/used by the service "Office 365"/);
    expect(given([created]).when({ type: 'DeleteSamlConnector', usedByServices: [] })()).toEqual([{ type: 'SamlConnectorDeleted', data: { connectorId: 'c1' } }]);
  });

  it('a deleted connector cannot be changed or re-created under the same id', () => {
    const deleted: SamlConnectorEvent = { type: 'SamlConnectorDeleted', data: { connectorId: 'c1' } };
    expect(given([created, deleted]).when({ type: 'RecordFederationScript', kind: 'GRAPH_POWERSHELL' })).toThrow(/No SAML connector/);
    expect(given([created, deleted]).when({ type: 'CreateSamlConnector', connectorId: 'c1', name: 'x', config: office365, signingKey: key('A'), issuerInUse: false })).toThrow(/already exists/);
  });

  it('records which federation script was generated', () => {
    expect(given([created, currentKey]).when({ type: 'RecordFederationScript', kind: 'REVERT_TO_MANAGED' })()).toEqual([
      { type: 'FederationScriptGenerated', data: { connectorId: 'c1', kind: 'REVERT_TO_MANAGED' } },
    ]);
  });
});
