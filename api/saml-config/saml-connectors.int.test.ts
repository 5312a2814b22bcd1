import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamId } from '../commands';
import { hashPassword, isSealed } from '../crypto';
import { tenantDecider } from '../domain/tenant';
import { describeCertificate } from '../saml';
import { seedTemplateDirectory } from '../runtime/seed-template-directory';
import { all, parseXml } from '../../test/saml/fixtures/read-xml';
import { SP_REQUEST_SIGNER } from '../../test/saml/fixtures/test-keys';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';
import { connectorSigningKey } from './connector-signing-key';
import { seedTenantSamlDefaults } from './seed-tenant-saml-defaults';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const CERT = '{ certificatePem certificateBase64Der fingerprintSha256 notAfter expiresInDays }';
const CONNECTOR = `id name kind issuer template federatedDomain issuerUri usedByServiceIds
  signingCertificate ${CERT} nextSigningCertificate ${CERT} previousSigningCertificate ${CERT}`;
const O365 = (extra: string) =>
  `mutation { createSamlConnector(input: { name: "Fabrikam", kind: OFFICE_365, brandName: "Fabrikam", immutableIdAttribute: "objectGUID", mfaBehavior: acceptIfMfaDoneByFederatedIdp, ${extra} }) { ${CONNECTOR} } }`;

type Cert = { certificatePem: string; certificateBase64Der: string; fingerprintSha256: string; notAfter: string };
type Connector = { id: string; kind: string; issuer: string; template: boolean; federatedDomain: string; usedByServiceIds: string[]; signingCertificate: Cert; nextSigningCertificate: Cert | null; previousSigningCertificate: Cert | null };
type Client = ReturnType<typeof graphqlClient>;

const metadataCerts = (xml: string) => all(parseXml(xml), 'ds', 'X509Certificate').map((c) => c.textContent!.replace(/\s+/g, ''));
const psVariable = (script: string, name: string) => new RegExp(`^\\$${name} = '([^']*)'\\r$`, 'm').exec(script)?.[1];

describe('SAML connectors through GraphQL', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: Client;
  let acme: Client;
  /** Every GraphQL answer body, to check no private key ever left the server. */
  const answers: string[] = [];
  const ask = async <T,>(client: Client, query: string, variables: Record<string, unknown> = {}) => {
    const r = await client.request<T>(query, variables);
    answers.push(JSON.stringify(r));
    return r;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    // A second organisation, set up the way bootstrap sets up the first.
    const ctx = { tenantId: 'acme', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c' };
    await server.services.execute(tenantDecider, streamId('tenant', 'acme', 'acme'), { type: 'CreateTenant', tenantId: 'acme', name: 'Acme' }, ctx);
    await seedTemplateDirectory(server.services, ctx);
    await seedTenantSamlDefaults(server.services, ctx);
    acme = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('acme-config', ['config:read', 'config:write'], ctx)).token });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('every organisation starts with an Office 365 connector template with its own Issuer and signing key', async () => {
    for (const client of [admin, acme]) {
      const r = await ask<{ samlConnectors: Connector[] }>(client, `{ samlConnectors { ${CONNECTOR} } }`);
      expect(r.data!.samlConnectors).toHaveLength(1);
      const template = r.data!.samlConnectors[0]!;
      expect(template).toMatchObject({ kind: 'OFFICE_365', template: true, federatedDomain: 'contoso.example', nextSigningCertificate: null });
      expect(template.issuer).toMatch(new RegExp(`/saml/${template.id}$`));
      expect(template.signingCertificate.certificateBase64Der).toBe(describeCertificate(template.signingCertificate.certificatePem).certificateBase64Der);
      expect(template.usedByServiceIds).toHaveLength(1);
    }
    // Seeding again changes nothing.
    await seedTenantSamlDefaults(server.services, { tenantId: 'acme', actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c' });
    await server.readModelsCaughtUp();
    expect(server.services.readDb.prepare("SELECT COUNT(*) FROM saml_connectors WHERE tenant_id = 'acme'").pluck().get()).toBe(1);
  });

  it('refuses a *.onmicrosoft.com domain with one sentence per flat field', async () => {
    const r = await ask(admin, O365('federatedDomain: "contoso.onmicrosoft.com", upnAttribute: "bad attr!"'));
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0]?.extensions?.fields).toEqual({
      federatedDomain: expect.stringMatching(/onmicrosoft\.com domain cannot be federated/),
      upnAttribute: expect.stringMatching(/directory attribute name/),
    });
    const missing = await ask(admin, 'mutation { createSamlConnector(input: { name: "x", kind: OFFICE_365 }) { id } }');
    expect(Object.keys(missing.errors?.[0]?.extensions?.fields as object).sort()).toEqual(['brandName', 'federatedDomain', 'immutableIdAttribute', 'mfaBehavior']);
  });

  it('an Office 365 Issuer URI belongs to one connector across all organisations', async () => {
    const first = await ask<{ createSamlConnector: Connector }>(acme, O365('federatedDomain: "fabrikam.com", issuerUri: "https://sso.example.test/saml/fabrikam"'));
    expect(first.data?.createSamlConnector.issuer).toBe('https://sso.example.test/saml/fabrikam');
    const clash = await ask(admin, O365('federatedDomain: "fabrikam.org", issuerUri: "https://SSO.example.test/saml/fabrikam"'));
    expect(clash.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(clash.errors?.[0]?.extensions?.fields).toEqual({ issuerUri: expect.stringMatching(/already uses this Issuer URI/) });
    expect(clash.errors?.[0]?.message).not.toMatch(/acme/i);
    const template = (await ask<{ samlConnectors: Connector[] }>(admin, '{ samlConnectors { id } }')).data!.samlConnectors[0]!;
    const update = await ask(admin, 'mutation($id: ID!) { updateSamlConnector(id: $id, input: { issuerUri: "https://sso.example.test/saml/fabrikam" }) { id } }', { id: template.id });
    expect(update.errors?.[0]?.extensions?.fields).toHaveProperty('issuerUri');
  });

  it('generates and rotates signing keys; the metadata follows, the private key never leaves the server', async () => {
    const template = (await ask<{ samlConnectors: Connector[] }>(admin, `{ samlConnectors { ${CONNECTOR} } }`)).data!.samlConnectors[0]!;
    const serviceId = template.usedByServiceIds[0]!;
    const metadata = async () => metadataCerts((await ask<{ service: { metadataXml: string } }>(admin, 'query($id: ID!) { service(id: $id) { metadataXml } }', { id: serviceId })).data!.service.metadataXml);
    const original = template.signingCertificate.certificateBase64Der;
    expect(await metadata()).toEqual([original]);

    const refused = await ask(admin, 'mutation($id: ID!) { rotateSigningKey(connectorId: $id) { id } }', { id: template.id });
    expect(refused.errors?.[0]?.message).toMatch(/Generate the next signing key first/);

    const generated = (await ask<{ generateNextSigningKey: Connector }>(admin, `mutation($id: ID!) { generateNextSigningKey(connectorId: $id) { ${CONNECTOR} } }`, { id: template.id })).data!.generateNextSigningKey;
    const next = generated.nextSigningCertificate!.certificateBase64Der;
    expect(next).not.toBe(original);
    expect(generated.signingCertificate.certificateBase64Der).toBe(original);
    expect(await metadata()).toEqual([original, next]);

    const rotated = (await ask<{ rotateSigningKey: Connector }>(admin, `mutation($id: ID!) { rotateSigningKey(connectorId: $id) { ${CONNECTOR} } }`, { id: template.id })).data!.rotateSigningKey;
    expect(rotated.signingCertificate.certificateBase64Der).toBe(next);
    expect(rotated.previousSigningCertificate!.certificateBase64Der).toBe(original);
    expect(rotated.nextSigningCertificate).toBeNull();
    expect(await metadata()).toEqual([next, original]);

    // The SSO endpoint signs with the rotated key.
    const record = server.services.samlConnectors.find('default', template.id);
    expect(connectorSigningKey(record, server.services.sealer).certificateBase64Der).toBe(next);

    const removed = (await ask<{ removePreviousSigningKey: Connector }>(admin, `mutation($id: ID!) { removePreviousSigningKey(connectorId: $id) { ${CONNECTOR} } }`, { id: template.id })).data!.removePreviousSigningKey;
    expect(removed.previousSigningCertificate).toBeNull();
    expect(await metadata()).toEqual([next]);

    await server.readModelsCaughtUp();
    const signing = JSON.parse(server.services.readDb.prepare('SELECT signing FROM saml_connectors WHERE id = ?').pluck().get(template.id) as string);
    expect(isSealed(signing.current.privateKey)).toBe(true);
    const events = JSON.stringify((await server.services.store.readStream(streamId('samlConnector', 'default', template.id))).map((e) => e.data));
    await server.readModelsCaughtUp();
    const audit = JSON.stringify(server.services.readDb.prepare("SELECT data FROM audit_events WHERE category = 'samlConnector'").all());
    for (const text of [events, audit, ...answers]) expect(text).not.toContain('PRIVATE KEY');
    expect(answers.join('\n')).not.toContain('sealed:v1');
    expect(audit).toContain('[sealed]');
    const fields = (await ask<{ __type: { fields: Array<{ name: string }> } }>(admin, '{ __type(name: "SamlConnector") { fields { name } } }')).data!.__type.fields;
    expect(fields.map((f) => f.name).filter((n) => /private|secret|sealed/i.test(n))).toEqual([]);
  });

  it('the federation script holds exactly the Issuer, URLs and certificate the IdP uses', async () => {
    const created = (await ask<{ createSamlConnector: Connector }>(admin, O365('federatedDomain: "northwind.com"'))).data!.createSamlConnector;
    const script = (kind: string) =>
      ask<{ generateFederationScript: { kind: string; fileName: string; script: string; warnings: string[] } }>(
        admin,
        'mutation($id: ID!, $kind: FederationScriptKind!) { generateFederationScript(connectorId: $id, kind: $kind) { kind fileName script warnings } }',
        { id: created.id, kind },
      );
    expect((await script('GRAPH_POWERSHELL')).errors?.[0]?.message).toMatch(/No service uses this SAML connector yet/);

    const service = (await ask<{ createService: { id: string; ssoUrl: string; sloUrl: string } }>(admin, 'mutation($s: ID!) { createService(input: { name: "Northwind 365", samlConnectorId: $s }) { id ssoUrl sloUrl } }', { s: created.id })).data!.createService;
    expect((await script('GRAPH_POWERSHELL')).errors?.[0]?.message).toMatch(/COUNTERSIGN_PUBLIC_URL/);

    const publicUrl = server.services.config.publicUrl;
    server.services.config.publicUrl = 'https://sso.example.test';
    try {
      const r = (await script('GRAPH_POWERSHELL')).data!.generateFederationScript;
      const view = (await ask<{ service: { ssoUrl: string; sloUrl: string; metadataXml: string } }>(admin, 'query($id: ID!) { service(id: $id) { ssoUrl sloUrl metadataXml } }', { id: service.id })).data!.service;
      const connector = (await ask<{ samlConnector: Connector }>(admin, `query($id: ID!) { samlConnector(id: $id) { ${CONNECTOR} } }`, { id: created.id })).data!.samlConnector;
      expect(r.fileName).toBe('federate.ps1');
      expect(psVariable(r.script, 'DomainId')).toBe('northwind.com');
      expect(psVariable(r.script, 'IssuerUri')).toBe(connector.issuer);
      expect(psVariable(r.script, 'PassiveSignInUri')).toBe(`https://sso.example.test/saml/${service.id}/sso`);
      expect(psVariable(r.script, 'PassiveSignInUri')).toBe(view.ssoUrl);
      expect(psVariable(r.script, 'SignOutUri')).toBe(view.sloUrl);
      expect(psVariable(r.script, 'SigningCertificate')).toBe(connector.signingCertificate.certificateBase64Der);
      const metadata = parseXml(view.metadataXml);
      expect(metadata.documentElement!.getAttribute('entityID')).toBe(psVariable(r.script, 'IssuerUri'));
      expect(metadataCerts(view.metadataXml)).toEqual([psVariable(r.script, 'SigningCertificate')]);
      expect(r.warnings.join(' ')).toMatch(/"Northwind 365" is stopped/);

      expect((await script('CERTIFICATE_ROLLOVER')).errors?.[0]?.message).toMatch(/Generate the next signing certificate/);
      expect((await script('REVERT_TO_MANAGED')).data!.generateFederationScript).toMatchObject({ kind: 'REVERT_TO_MANAGED', fileName: 'revert.ps1' });
      expect((await script('LEGACY_MSONLINE')).data!.generateFederationScript.warnings.join(' ')).toMatch(/retired/);
    } finally {
      server.services.config.publicUrl = publicUrl;
    }
    await server.readModelsCaughtUp();
    const recorded = server.services.readDb.prepare("SELECT data FROM audit_events WHERE type = 'FederationScriptGenerated' AND stream_id LIKE ?").pluck().all(`%${created.id}`) as string[];
    expect(recorded.map((d) => JSON.parse(d).kind)).toEqual(['GRAPH_POWERSHELL', 'REVERT_TO_MANAGED', 'LEGACY_MSONLINE']);
  });

  it('reads a generic service provider from its metadata, and refuses metadata for Office 365', async () => {
    const cert = describeCertificate(SP_REQUEST_SIGNER.certificatePem).certificateBase64Der;
    const metadata = (acs: string) => `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://app.example.org/saml">
      <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" WantAssertionsSigned="true">
        <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
        <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${acs}" index="0"/>
      </md:SPSSODescriptor></md:EntityDescriptor>`;
    const fieldsQuery = 'id kind idpEntityId spEntityId requireSignedAuthnRequests spAssertionConsumerServices { url } spSigningCertificates { fingerprintSha256 }';
    const created = await ask<{ createSamlConnector: { id: string; idpEntityId: string; spEntityId: string; requireSignedAuthnRequests: boolean; spSigningCertificates: Array<{ fingerprintSha256: string }> } }>(
      admin,
      `mutation($xml: String!) { createSamlConnector(input: { name: "App", kind: GENERIC, nameIdFormat: EMAIL_ADDRESS, nameIdSourceAttribute: "mail", spMetadataXml: $xml }) { ${fieldsQuery} } }`,
      { xml: metadata('https://app.example.org/acs') },
    );
    const app = created.data!.createSamlConnector;
    expect(app).toMatchObject({ spEntityId: 'https://app.example.org/saml', requireSignedAuthnRequests: true, idpEntityId: expect.stringMatching(new RegExp(`/saml/${app.id}$`)) });
    expect(app.spSigningCertificates[0]!.fingerprintSha256).toBe(describeCertificate(cert).fingerprintSha256);

    const imported = await ask<{ importSpMetadata: { connector: { spAssertionConsumerServices: Array<{ url: string }> }; warnings: string[] } }>(
      admin,
      `mutation($id: ID!, $xml: String!) { importSpMetadata(connectorId: $id, xml: $xml) { connector { ${fieldsQuery} } warnings } }`,
      { id: app.id, xml: metadata('https://app.example.org/acs2') },
    );
    expect(imported.data!.importSpMetadata.connector.spAssertionConsumerServices).toEqual([{ url: 'https://app.example.org/acs2' }]);
    await server.readModelsCaughtUp();
    const types = server.services.readDb.prepare('SELECT type FROM audit_events WHERE stream_id = ? ORDER BY position').pluck().all(streamId('samlConnector', 'default', app.id));
    expect(types).toEqual(['SamlConnectorCreated', 'SigningKeyGenerated', 'SpMetadataImported', 'SamlConnectorUpdated', 'SpMetadataImported']);

    const bad = await ask(admin, 'mutation($id: ID!) { importSpMetadata(connectorId: $id, xml: "<nope/>") { warnings } }', { id: app.id });
    expect(bad.errors?.[0]?.extensions?.code).toBe('SAML_METADATA_INVALID');
    const template = (await ask<{ samlConnectors: Connector[] }>(admin, '{ samlConnectors { id kind template } }')).data!.samlConnectors.find((c) => c.template)!;
    const office = await ask(admin, 'mutation($id: ID!, $xml: String!) { importSpMetadata(connectorId: $id, xml: $xml) { warnings } }', { id: template.id, xml: metadata('https://x.example.org/acs') });
    expect(office.errors?.[0]?.message).toMatch(/import metadata into a generic SAML connector/);

    const generic = await ask(admin, 'mutation($id: ID!) { generateFederationScript(connectorId: $id, kind: GRAPH_POWERSHELL) { script } }', { id: app.id });
    expect(generic.errors?.[0]?.message).toMatch(/for Office 365 connectors/);
  });

  it('updates keep the fields left out, and a connector a service uses cannot be deleted', async () => {
    const template = (await ask<{ samlConnectors: Array<Connector & { name: string; brandName: string }> }>(admin, '{ samlConnectors { id name template brandName issuer usedByServiceIds } }')).data!.samlConnectors.find((c) => c.template)!;
    const updated = await ask<{ updateSamlConnector: { name: string; brandName: string; issuer: string; template: boolean; federatedDomain: string } }>(
      admin,
      'mutation($id: ID!) { updateSamlConnector(id: $id, input: { federatedDomain: "contoso.com" }) { name brandName issuer template federatedDomain } }',
      { id: template.id },
    );
    expect(updated.data!.updateSamlConnector).toEqual({ name: template.name, brandName: template.brandName, issuer: template.issuer, template: false, federatedDomain: 'contoso.com' });

    const refused = await ask(admin, 'mutation($id: ID!) { deleteSamlConnector(id: $id) }', { id: template.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/used by the service "Office 365"/);

    const spare = (await ask<{ createSamlConnector: Connector }>(admin, O365('federatedDomain: "spare.com"'))).data!.createSamlConnector;
    expect((await ask(admin, 'mutation($id: ID!) { deleteSamlConnector(id: $id) }', { id: spare.id })).data).toEqual({ deleteSamlConnector: true });
    expect((await ask(admin, 'query($id: ID!) { samlConnector(id: $id) { id } }', { id: spare.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an organisation sees only its own connectors', async () => {
    const own = (await ask<{ samlConnectors: Connector[] }>(admin, '{ samlConnectors { id } }')).data!.samlConnectors.map((c) => c.id);
    for (const id of own) {
      expect((await ask(acme, 'query($id: ID!) { samlConnector(id: $id) { id } }', { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('an auditor or a read-only API key can read but not change SAML connectors', async () => {
    const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 't' }, correlationId: 'c', causationId: 'c' };
    const reader = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('reader', ['config:read', 'audit:read'], ctx)).token });
    const auditor = graphqlClient(server.url);
    const tenant = streamId('tenant', 'default', 'default');
    await server.services.execute(tenantDecider, tenant, { type: 'AddAdmin', adminId: 'auditor-1', email: 'auditor@example.test', role: 'auditor', passwordHash: server.services.sealer.seal(await hashPassword('auditor-password-1'), 'admin:passwordHash') }, ctx);
    await auditor.request(SIGN_IN, { e: 'auditor@example.test', p: 'auditor-password-1' });

    const id = (await ask<{ samlConnectors: Connector[] }>(admin, '{ samlConnectors { id } }')).data!.samlConnectors[0]!.id;
    const mutations = [
      'mutation { createSamlConnector(input: { name: "x", kind: OFFICE_365 }) { id } }',
      'mutation($id: ID!) { updateSamlConnector(id: $id, input: { name: "x" }) { id } }',
      'mutation($id: ID!) { deleteSamlConnector(id: $id) }',
      'mutation($id: ID!) { importSpMetadata(connectorId: $id, xml: "<x/>") { warnings } }',
      'mutation($id: ID!) { generateNextSigningKey(connectorId: $id) { id } }',
      'mutation($id: ID!) { rotateSigningKey(connectorId: $id) { id } }',
      'mutation($id: ID!) { removePreviousSigningKey(connectorId: $id) { id } }',
      'mutation($id: ID!) { generateFederationScript(connectorId: $id, kind: REVERT_TO_MANAGED) { script } }',
    ];
    for (const client of [reader, auditor]) {
      expect((await client.request<{ samlConnectors: unknown[] }>('{ samlConnectors { id } }')).data?.samlConnectors.length).toBeGreaterThan(0);
      for (const mutation of mutations) {
        const r = await client.request(mutation, mutation.includes('$id') ? { id } : {});
        expect(r.errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
      }
    }
  });
});
