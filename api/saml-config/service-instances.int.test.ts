import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamId } from '../commands';
import { hashPassword } from '../crypto';
import { tenantDecider } from '../domain/tenant';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const SERVICE = 'id name description icon directoryConnectorId samlConnectorId state secondFactor ssoUrl sloUrl metadataUrl startBlockers';

type Service = { id: string; name: string; description: string | null; icon: string | null; directoryConnectorId: string | null; samlConnectorId: string | null; state: string; secondFactor: string; ssoUrl: string; sloUrl: string; metadataUrl: string; startBlockers: string[] };

describe('service instances through GraphQL', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let directoryId: string;
  let samlConnectorId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    directoryId = (await admin.request<{ directoryConnectors: Array<{ id: string }> }>('{ directoryConnectors { id } }')).data!.directoryConnectors[0]!.id;
    samlConnectorId = (await admin.request<{ samlConnectors: Array<{ id: string }> }>('{ samlConnectors { id } }')).data!.samlConnectors[0]!.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('every organisation starts with a stopped Office 365 service wired to its template connectors, second factor required', async () => {
    const r = await admin.request<{ services: Service[] }>(`{ services { ${SERVICE} } }`);
    const [service] = r.data!.services;
    expect(r.data!.services).toHaveLength(1);
    expect(service).toMatchObject({ name: 'Office 365', icon: 'office-365', state: 'STOPPED', secondFactor: 'REQUIRED', directoryConnectorId: directoryId, samlConnectorId, startBlockers: [] });
    expect(service!.ssoUrl).toBe(`${server.url}/saml/${service!.id}/sso`);
    expect(service!.sloUrl).toBe(`${server.url}/saml/${service!.id}/slo`);
    expect(service!.metadataUrl).toBe(`${server.url}/saml/${service!.id}/metadata`);
  });

  it('a new service requires the second factor; switching it off takes an explicit OFF, and an update without it keeps it', async () => {
    const created = (await admin.request<{ createService: Service }>(`mutation { createService(input: { name: "Wiki" }) { ${SERVICE} } }`)).data!.createService;
    expect(created).toMatchObject({ name: 'Wiki', state: 'STOPPED', secondFactor: 'REQUIRED', directoryConnectorId: null, samlConnectorId: null });
    const off = await admin.request<{ updateService: Service }>(`mutation($id: ID!) { updateService(id: $id, input: { secondFactor: OFF }) { ${SERVICE} } }`, { id: created.id });
    expect(off.data!.updateService.secondFactor).toBe('OFF');
    const renamed = await admin.request<{ updateService: Service }>(`mutation($id: ID!) { updateService(id: $id, input: { name: "Team wiki", description: "Docs" }) { ${SERVICE} } }`, { id: created.id });
    expect(renamed.data!.updateService).toMatchObject({ name: 'Team wiki', description: 'Docs', secondFactor: 'OFF' });
    expect((await admin.request('mutation($id: ID!) { deleteService(id: $id) }', { id: created.id })).data).toEqual({ deleteService: true });
  });

  it('start is refused while a connector is missing, and says which', async () => {
    const created = (await admin.request<{ createService: Service }>('mutation($d: ID!) { createService(input: { name: "Half done", directoryConnectorId: $d }) { id startBlockers } }', { d: directoryId })).data!.createService;
    expect(created.startBlockers).toEqual([expect.stringMatching(/Choose the SAML connector/)]);
    const refused = await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: created.id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(refused.errors?.[0]?.extensions?.fields).toEqual({ samlConnectorId: expect.stringMatching(/Choose the SAML connector/) });

    const unknown = await admin.request('mutation($id: ID!) { updateService(id: $id, input: { samlConnectorId: "no-such-connector" }) { id } }', { id: created.id });
    expect(unknown.errors?.[0]?.extensions?.fields).toEqual({ samlConnectorId: expect.stringMatching(/No SAML connector with that id/) });
  });

  it('starts and stops; a running service cannot be deleted', async () => {
    const service = (await admin.request<{ createService: Service }>('mutation($d: ID!, $s: ID!) { createService(input: { name: "Runs", directoryConnectorId: $d, samlConnectorId: $s }) { id } }', { d: directoryId, s: samlConnectorId })).data!.createService;
    expect((await admin.request<{ startService: Service }>('mutation($id: ID!) { startService(id: $id) { state } }', { id: service.id })).data!.startService.state).toBe('STARTED');
    const running = await admin.request('mutation($id: ID!) { deleteService(id: $id) }', { id: service.id });
    expect(running.errors?.[0]).toMatchObject({ message: expect.stringMatching(/stop it before deleting it/), extensions: { code: 'CONFLICT' } });
    expect((await admin.request<{ stopService: Service }>('mutation($id: ID!) { stopService(id: $id) { state } }', { id: service.id })).data!.stopService.state).toBe('STOPPED');
    expect((await admin.request('mutation($id: ID!) { deleteService(id: $id) }', { id: service.id })).data).toEqual({ deleteService: true });
    await server.readModelsCaughtUp();
    const types = server.services.readDb.prepare('SELECT type FROM audit_events WHERE stream_id = ? ORDER BY position').pluck().all(streamId('service', 'default', service.id));
    expect(types).toEqual(['ServiceInstanceConfigured', 'ServiceStarted', 'ServiceStopped', 'ServiceDeleted']);
  });

  it('rejects bad settings with one sentence per field', async () => {
    const r = await admin.request('mutation { createService(input: { name: "", icon: "javascript:alert(1)" }) { id } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(r.errors?.[0]?.extensions?.fields).toEqual({ name: expect.stringMatching(/Give the service a name/), icon: expect.stringMatching(/https:\/\/ URL/) });
  });

  it('an auditor or a read-only API key can read but not change services', async () => {
    const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 't' }, correlationId: 'c', causationId: 'c' };
    const reader = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('reader', ['config:read'], ctx)).token });
    await server.services.execute(tenantDecider, streamId('tenant', 'default', 'default'), {
      type: 'AddAdmin', adminId: 'auditor-2', email: 'auditor2@example.test', role: 'auditor', passwordHash: server.services.sealer.seal(await hashPassword('auditor-password-2'), 'admin:passwordHash'),
    }, ctx);
    const auditor = graphqlClient(server.url);
    await auditor.request(SIGN_IN, { e: 'auditor2@example.test', p: 'auditor-password-2' });
    const id = (await admin.request<{ services: Service[] }>('{ services { id } }')).data!.services[0]!.id;
    const mutations = [
      'mutation { createService(input: { name: "x" }) { id } }',
      'mutation($id: ID!) { updateService(id: $id, input: { secondFactor: OFF }) { id } }',
      'mutation($id: ID!) { deleteService(id: $id) }',
      'mutation($id: ID!) { startService(id: $id) { id } }',
      'mutation($id: ID!) { stopService(id: $id) { id } }',
    ];
    for (const client of [reader, auditor]) {
      expect((await client.request<{ services: unknown[] }>('{ services { id metadataXml } }')).data?.services.length).toBeGreaterThan(0);
      for (const mutation of mutations) {
        const r = await client.request(mutation, mutation.includes('$id') ? { id } : {});
        expect(r.errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
      }
    }
    expect((await admin.request<{ service: Service }>('query($id: ID!) { service(id: $id) { secondFactor } }', { id })).data!.service.secondFactor).toBe('REQUIRED');
  });
});
