import { describe, expect, it } from 'vitest';
import { connectorWarnings, parseConnectorConfig, serviceProviderOf } from './index';
import { SP_REQUEST_SIGNER, genericConnector, office365Connector } from '../../test/saml/fixtures/saml-fixtures';

const office365 = {
  kind: 'OFFICE_365',
  federatedDomain: 'Contoso.com',
  brandName: 'Contoso',
  issuerUri: 'https://sso.countersign.example/saml/contoso',
  immutableId: { attribute: 'objectGUID' },
  mfaBehavior: 'enforceMfaByFederatedIdp',
};
function fieldsOf(input: unknown): Record<string, string> {
  try {
    parseConnectorConfig(input);
  } catch (error) {
    const e = error as { code: string; details: { fields: Record<string, string> } };
    expect(e.code).toBe('VALIDATION_FAILED');
    return e.details.fields;
  }
  throw new Error('expected invalid config');
}

describe('connector config', () => {
  it('normalises an Office 365 connector and fills defaults; Microsoft\'s SP is built in', () => {
    const config = parseConnectorConfig(office365);
    expect(config).toMatchObject({ federatedDomain: 'contoso.com', upnAttribute: 'userPrincipalName', immutableId: { attribute: 'objectGUID', encoding: 'binary' }, requireSignedAuthnRequests: false });
    expect(serviceProviderOf(config)).toMatchObject({
      entityId: 'urn:federation:MicrosoftOnline',
      assertionConsumerServices: [{ url: 'https://login.microsoftonline.com/login.srf', binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST' }],
    });
    expect(connectorWarnings(config)[0]).toMatch(/enforceMfaByFederatedIdp/);
  });

  it('refuses *.onmicrosoft.com and says what to do', () => {
    expect(fieldsOf({ ...office365, federatedDomain: 'contoso.onmicrosoft.com' })).toEqual({ federatedDomain: expect.stringMatching(/cannot be federated; add and verify your own domain/) });
  });

  it('names each bad field with what to fix', () => {
    const fields = fieldsOf({ ...office365, federatedDomain: 'not a domain', issuerUri: 'relative/path', mfaBehavior: 'rejectMfaByFederatedIdp', immutableId: { attribute: 'bad attr!' } });
    expect(Object.keys(fields).sort()).toEqual(['federatedDomain', 'immutableId.attribute', 'issuerUri', 'mfaBehavior']);
    expect(fields.mfaBehavior).toMatch(/acceptIfMfaDoneByFederatedIdp or enforceMfaByFederatedIdp/);
    expect(fieldsOf({ kind: 'SHIBBOLETH' })).toEqual({ kind: expect.stringMatching(/OFFICE_365 or GENERIC/) });
  });

  it('requires Microsoft\'s certificates when signed requests are required', () => {
    expect(fieldsOf({ ...office365, requireSignedAuthnRequests: true })).toHaveProperty('microsoftSigningCertificates');
  });

  it('validates a generic connector: https ACS, at least one signature, no encryption yet, SHA-1 warns', () => {
    const ok = genericConnector({ signatureAlgorithm: 'RSA_SHA1', signResponse: false });
    expect(ok.signatureAlgorithm).toBe('RSA_SHA1');
    expect(connectorWarnings(ok).join(' ')).toMatch(/RSA-SHA1 is deprecated/);
    expect(connectorWarnings(ok).join(' ')).toMatch(/Only the assertion is signed/);
    const sp = { entityId: 'https://app.example.org', assertionConsumerServices: [{ url: 'http://app.example.org/acs' }] };
    const base = { kind: 'GENERIC', idpEntityId: 'urn:countersign:app', sp, nameId: { format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent', sourceAttribute: 'uid' } };
    expect(fieldsOf(base)).toEqual({ 'sp.assertionConsumerServices.0.url': expect.stringMatching(/https:\/\//) });
    const fixed = { ...base, sp: { ...sp, assertionConsumerServices: [{ url: 'https://app.example.org/acs' }] } };
    expect(parseConnectorConfig(fixed)).toMatchObject({ signAssertion: true, signResponse: true, signatureAlgorithm: 'RSA_SHA256', encryptAssertion: false });
    expect(fieldsOf({ ...fixed, signAssertion: false, signResponse: false })).toEqual({ signAssertion: 'Sign the assertion, the response, or both.' });
    expect(fieldsOf({ ...fixed, encryptAssertion: true })).toEqual({ encryptAssertion: expect.stringMatching(/not available yet/) });
    expect(fieldsOf({ ...fixed, signatureAlgorithm: 'RSA_MD5' })).toEqual({ signatureAlgorithm: expect.stringMatching(/RSA_SHA256/) });
    expect(fieldsOf({ ...fixed, requireSignedAuthnRequests: true })).toEqual({ 'sp.signingCertificates': expect.stringMatching(/add the service provider signing certificate/) });
    expect(fieldsOf({ ...fixed, attributes: [{ name: 'a', profileField: 'mail' }, { name: 'a', profileField: 'cn' }] })).toHaveProperty('attributes');
  });

  it('accepts certificates as PEM and stores them as one line of base64', () => {
    const config = genericConnector();
    expect(config.sp.signingCertificates[0]).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(SP_REQUEST_SIGNER.certificatePem.replace(/-----[^-]+-----|\s/g, '')).toBe(config.sp.signingCertificates[0]);
    expect(office365Connector.kind).toBe('OFFICE_365');
  });
});
