import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';

describe('built-in directory through GraphQL', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let templateId: string;

  beforeAll(async () => {
    server = await startTestServer({ COUNTERSIGN_DEMO_USERS: 'true' });
    admin = graphqlClient(server.url);
    await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('every new organisation starts with a template built-in directory holding demo users', async () => {
    const r = await admin.request<{ directoryConnectors: Array<{ id: string; type: string; template: boolean; userCount: number }> }>(
      '{ directoryConnectors { id type template userCount } }',
    );
    expect(r.data?.directoryConnectors).toEqual([expect.objectContaining({ type: 'BUILT_IN', template: true, userCount: 3 })]);
    templateId = r.data!.directoryConnectors[0]!.id;
  });

  it('adds users, imports a CSV with a per-row report, and signs users in', async () => {
    const added = await admin.request(
      'mutation($c: ID!) { addDirectoryUser(connectorId: $c, input: { username: "dora", email: "dora@example.com", displayName: "Dora", password: "dora-password-1" }) { username hasPassword immutableId } }',
      { c: templateId },
    );
    expect(added.data).toMatchObject({ addDirectoryUser: { username: 'dora', hasPassword: true } });
    expect(Buffer.from((added.data as { addDirectoryUser: { immutableId: string } }).addDirectoryUser.immutableId, 'base64')).toHaveLength(16);

    const csv = 'username,email,displayName,password\nerin,erin@example.com,Erin,erin-password-1\n"bad name",nope,,\ndora,dora2@example.com,Dora Again,\n';
    const report = await admin.request<{ importDirectoryUsers: { imported: number; failed: number; rows: Array<{ line: number; ok: boolean; error: string | null }> } }>(
      'mutation($c: ID!, $csv: String!) { importDirectoryUsers(connectorId: $c, csv: $csv) { imported failed rows { line ok error } } }',
      { c: templateId, csv },
    );
    const result = report.data!.importDirectoryUsers;
    expect(result.imported).toBe(1);
    expect(result.failed).toBe(2);
    expect(result.rows[1]).toMatchObject({ line: 3, ok: false, error: expect.stringContaining('username') });
    expect(result.rows[2]).toMatchObject({ line: 4, ok: false, error: expect.stringContaining('already exists') });

    const directory = server.services.directories.get('default', templateId);
    expect(await directory.authenticate('ERIN', 'erin-password-1')).toMatchObject({ ok: true, profile: { username: 'erin', email: 'erin@example.com' } });
    expect(await directory.authenticate('erin', 'wrong-password')).toMatchObject({ ok: false, reason: 'INVALID_CREDENTIALS', message: 'The username or password is not correct.' });
    expect(await directory.authenticate('nobody', 'wrong-password')).toMatchObject({ ok: false, reason: 'USER_NOT_FOUND', message: 'The username or password is not correct.' });
    expect(await directory.authenticate('erin', '')).toMatchObject({ ok: false, reason: 'MISSING_CREDENTIALS' });
  });

  it('a disabled user cannot sign in, and the connection test reports the sign-in step', async () => {
    const users = await admin.request<{ directoryUsers: { users: Array<{ id: string; email: string; displayName: string }> } }>(
      'query($c: ID!) { directoryUsers(connectorId: $c, search: "dora") { users { id email displayName } } }',
      { c: templateId },
    );
    const dora = users.data!.directoryUsers.users[0]!;
    await admin.request('mutation($id: ID!) { updateDirectoryUser(id: $id, input: { email: "dora@example.com", displayName: "Dora", enabled: false }) { enabled } }', { id: dora.id });
    const test = await admin.request<{ testDirectoryConnector: { ok: boolean; steps: Array<{ step: string; outcome: string; reason: string | null; message: string }> } }>(
      'mutation($id: ID!) { testDirectoryConnector(id: $id, username: "dora", password: "dora-password-1") { ok steps { step outcome reason message } } }',
      { id: templateId },
    );
    expect(test.data!.testDirectoryConnector.ok).toBe(false);
    expect(test.data!.testDirectoryConnector.steps.at(-1)).toMatchObject({ step: 'SIGN_IN', outcome: 'failed', reason: 'ACCOUNT_DISABLED' });
    await server.readModelsCaughtUp();
    const audit = JSON.stringify(server.services.readDb.prepare("SELECT data FROM audit_events WHERE type IN ('DirectoryConnectionTested', 'PasswordSet', 'DirectoryUserAdded')").all());
    expect(audit).not.toContain('dora-password-1');
    expect(audit).not.toContain('erin-password-1');
  });

  it('rejects bad connector settings with one sentence per field saying what to fix', async () => {
    const r = await admin.request(
      'mutation { createDirectoryConnector(input: { name: "AAD DS", type: AZURE_AD_DS, hosts: ["ldap.example.com"], security: NONE, baseDn: "not a dn", bindDn: "x", bindPassword: "p" }) { id } }',
    );
    const fields = r.errors?.[0]?.extensions?.fields as Record<string, string>;
    expect(r.errors?.[0]?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(fields.security).toMatch(/LDAPS/);
    expect(fields.baseDn).toMatch(/ou=People,dc=example,dc=com/);
  });

  it('an auditor or a read-only API key cannot change directories', async () => {
    const key = await server.services.apiKeys.issue('reader', ['config:read', 'audit:read'], { tenantId: 'default', actor: { kind: 'system', id: 't' }, correlationId: 'c', causationId: 'c' });
    const reader = graphqlClient(server.url, { bearer: key.token });
    expect((await reader.request('{ directoryConnectors { id } }')).data).toBeTruthy();
    const write = await reader.request('mutation($c: ID!) { deleteDirectoryConnector(id: $c) }', { c: templateId });
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
