import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureUsers } from '../../test/slapd/fixture-users';
import { slapdAvailability, startSlapd, type RunningSlapd } from '../../test/slapd/start-slapd';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const availability = slapdAvailability();
if (!availability.available) console.warn(`Skipping the LDAP connector GraphQL tests: ${availability.reason}`);

const CREATE = `mutation($input: DirectoryConnectorInput!) { createDirectoryConnector(input: $input) { id type port security loginProperty hasBindPassword } }`;
const TEST = `mutation($id: ID!, $u: String, $p: String) { testDirectoryConnector(id: $id, username: $u, password: $p) {
  ok steps { step outcome message hint certificate { trusted subject } profile { username upn immutableId } reason } } }`;

describe.skipIf(!availability.available)('OpenLDAP connector through GraphQL against a real slapd', () => {
  let slapd: RunningSlapd;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let id: string;
  const { alice } = fixtureUsers;

  beforeAll(async () => {
    slapd = await startSlapd({ users: 5 });
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
  });
  afterAll(async () => {
    await server?.stop();
    await slapd?.stop();
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    name: 'Lab OpenLDAP', type: 'OPENLDAP', hosts: ['127.0.0.1'], port: slapd.ldapPort, security: 'STARTTLS', caCertificatePem: slapd.caPem,
    baseDn: slapd.baseDn, bindDn: slapd.bindDn, bindPassword: slapd.bindPassword, upnProperty: 'userPrincipalName', immutableIdProperty: 'objectGUID',
    connectTimeoutMs: 2000, operationTimeoutMs: 2000, ...overrides,
  });

  it('creates a connector with the defaults of its type and the bind password sealed', async () => {
    const r = await admin.request<{ createDirectoryConnector: { id: string; loginProperty: string; hasBindPassword: boolean } }>(CREATE, { input: input() });
    expect(r.errors).toBeUndefined();
    expect(r.data!.createDirectoryConnector).toMatchObject({ type: 'OPENLDAP', security: 'STARTTLS', loginProperty: 'uid', hasBindPassword: true });
    id = r.data!.createDirectoryConnector.id;
    const stored = JSON.stringify((await server.services.store.readAll({ limit: 10_000 })).map((e) => e.data));
    expect(stored).not.toContain(slapd.bindPassword);
  });

  it('tests the connection step by step and records it, with a full sign-in and the ImmutableID as raw bytes', async () => {
    const r = await admin.request<{ testDirectoryConnector: { ok: boolean; steps: Array<{ step: string; outcome: string; certificate: { trusted: boolean } | null; profile: { immutableId: string; upn: string } | null }> } }>(
      TEST, { id, u: alice.uid, p: alice.password },
    );
    const result = r.data!.testDirectoryConnector;
    expect(result.ok).toBe(true);
    expect(result.steps.map((s) => s.step)).toEqual(['DNS_RESOLUTION', 'TCP_CONNECT', 'TLS_HANDSHAKE', 'SERVICE_BIND', 'BASE_DN_READ', 'USER_SEARCH', 'SIGN_IN']);
    expect(result.steps.find((s) => s.step === 'TLS_HANDSHAKE')!.certificate!.trusted).toBe(true);
    expect(result.steps.at(-1)!.profile).toMatchObject({ upn: alice.userPrincipalName, immutableId: alice.objectGUID.toString('base64') });
    const listed = await admin.request<{ directoryConnector: { lastTest: { ok: boolean } } }>('query($id: ID!) { directoryConnector(id: $id) { lastTest { ok } } }', { id });
    expect(listed.data!.directoryConnector.lastTest.ok).toBe(true);
    await server.readModelsCaughtUp();
    expect(JSON.stringify(server.services.readDb.prepare('SELECT * FROM audit_events').all())).not.toContain(alice.password);
  });

  it('signs users in through the registry; an edit takes effect at once and keeps the stored password', async () => {
    const directory = server.services.directories.get('default', id);
    expect(await directory.authenticate(alice.uid, alice.password)).toMatchObject({ ok: true });
    expect(await directory.authenticate('*)(uid=*', 'x')).toMatchObject({ ok: false, message: 'The username or password is not correct.' });
    const { bindPassword: _, ...withoutPassword } = input({ loginProperty: 'mail' });
    const updated = await admin.request('mutation($id: ID!, $input: DirectoryConnectorInput!) { updateDirectoryConnector(id: $id, input: $input) { loginProperty hasBindPassword } }', { id, input: withoutPassword });
    expect(updated.data).toEqual({ updateDirectoryConnector: { loginProperty: 'mail', hasBindPassword: true } });
    const edited = server.services.directories.get('default', id);
    expect(edited).not.toBe(directory);
    expect(await edited.authenticate(alice.mail, alice.password)).toMatchObject({ ok: true });
  });

  it('explains a wrong port for the chosen security and an untrusted certificate', async () => {
    const wrongPort = await admin.request<{ createDirectoryConnector: { id: string } }>(CREATE, { input: input({ name: 'LDAPS on 389', security: 'LDAPS', port: slapd.ldapPort }) });
    const r1 = await admin.request<{ testDirectoryConnector: { ok: boolean; steps: Array<{ step: string; outcome: string; hint: string | null }> } }>(TEST, { id: wrongPort.data!.createDirectoryConnector.id });
    const failed1 = r1.data!.testDirectoryConnector.steps.find((s) => s.outcome === 'failed')!;
    expect(failed1.step).toBe('TLS_HANDSHAKE');
    expect(failed1.hint).toMatch(/port|636|STARTTLS/i);

    const noCa = await admin.request<{ createDirectoryConnector: { id: string } }>(CREATE, { input: input({ name: 'No CA', caCertificatePem: undefined }) });
    const r2 = await admin.request<{ testDirectoryConnector: { steps: Array<{ step: string; outcome: string; certificate: { trusted: boolean } | null; hint: string | null }> } }>(TEST, { id: noCa.data!.createDirectoryConnector.id });
    const tls = r2.data!.testDirectoryConnector.steps.find((s) => s.step === 'TLS_HANDSHAKE')!;
    expect(tls.outcome).toBe('failed');
    expect(tls.certificate?.trusted).toBe(false);
    expect(tls.hint).toMatch(/CA certificate/i);
  });
});
