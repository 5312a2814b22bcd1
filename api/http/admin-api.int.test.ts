import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { admin { email role } csrfToken } }';

describe('admin API over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ COUNTERSIGN_ADMIN_SIGNIN_LIMIT: '3' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('serves /healthz, /readyz and Prometheus /metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toContain('countersign_http_requests_total');
    expect(metrics).toContain('countersign_projection_lag_events');
  });

  it('signs the owner in with an HttpOnly SameSite session cookie and answers me', async () => {
    const client = graphqlClient(server.url);
    const result = await client.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    expect(result.data).toMatchObject({ signIn: { admin: { email: TEST_ADMIN.email, role: 'OWNER' } } });
    const session = result.setCookies.find((c) => c.startsWith('cs_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    const me = await client.request('{ me { email role tenantId } }');
    expect(me.data).toEqual({ me: { email: TEST_ADMIN.email, role: 'OWNER', tenantId: 'default' } });
  });

  it('refuses a cookie-authenticated request without the CSRF token', async () => {
    const client = graphqlClient(server.url);
    await client.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const forged = await client.request('{ me { email } }', {}, { csrf: false });
    expect(forged.errors?.[0]?.extensions?.code).toBe('CSRF_FAILED');
    expect(forged.status).toBe(403);
  });

  it('gives one generic answer for a wrong password and an unknown email, records both, and then rate-limits', async () => {
    const client = graphqlClient(server.url);
    const wrong = await client.request(SIGN_IN, { e: TEST_ADMIN.email, p: 'not-the-password' });
    const unknown = await client.request(SIGN_IN, { e: 'nobody@example.test', p: 'not-the-password' });
    expect(wrong.errors?.[0]).toMatchObject({ message: 'The email or password is not correct.', extensions: { code: 'INVALID_CREDENTIALS' } });
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    await client.request(SIGN_IN, { e: TEST_ADMIN.email, p: 'still-wrong-password' });
    await client.request(SIGN_IN, { e: TEST_ADMIN.email, p: 'still-wrong-password' });
    const limited = await client.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    await server.readModelsCaughtUp();
    const rows = server.services.readDb
      .prepare("SELECT data FROM audit_events WHERE type = 'AdminSignInFailed'")
      .all()
      .map((r) => JSON.parse((r as { data: string }).data).reason);
    expect(rows).toEqual(expect.arrayContaining(['WRONG_PASSWORD', 'UNKNOWN_EMAIL', 'RATE_LIMITED']));
    // Nothing anywhere holds the password typed.
    await server.readModelsCaughtUp();
    const everything = JSON.stringify(server.services.readDb.prepare('SELECT * FROM audit_events').all());
    expect(everything).not.toContain('not-the-password');
    expect(everything).not.toContain(TEST_ADMIN.password);
  });

  it('issues an API key whose scopes limit what it can do, and revokes it at once', async () => {
    const owner = graphqlClient(server.url);
    // Loopback is rate-limited by the previous test, so sign in as if from another address.
    const signedIn = await server.services.adminSessions.signIn(TEST_ADMIN.email, TEST_ADMIN.password, {
      tenantId: 'default', actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', ip: '192.0.2.10',
    });
    owner.cookies.set('cs_session', signedIn.token);
    owner.cookies.set('cs_csrf', signedIn.csrfToken);
    const created = await owner.request<{ createApiKey: { token: string; apiKey: { id: string; scopes: string[] } } }>(
      'mutation { createApiKey(name: "SIEM", scopes: [AUDIT_READ]) { token apiKey { id scopes } } }',
    );
    expect(created.data?.createApiKey.apiKey.scopes).toEqual(['AUDIT_READ']);
    const token = created.data!.createApiKey.token;

    const integrator = graphqlClient(server.url, { bearer: token });
    const audit = await integrator.request<{ auditEvents: { edges: Array<{ node: { type: string } }> } }>('{ auditEvents(first: 5) { edges { node { type } } } }');
    expect(audit.data?.auditEvents.edges.length).toBeGreaterThan(0);
    const write = await integrator.request('mutation { createApiKey(name: "x", scopes: [CONFIG_WRITE]) { token } }');
    expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await owner.request('mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', { id: created.data!.createApiKey.apiKey.id });
    const after = await integrator.request('{ auditEvents(first: 1) { edges { cursor } } }');
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // The audit history never shows the key's secret or its hash.
    await server.readModelsCaughtUp();
    expect(JSON.stringify(server.services.readDb.prepare("SELECT data FROM audit_events WHERE type = 'ApiKeyIssued'").all())).toContain('[redacted]');
  });

  it('pages the audit history newest first with stable cursors, and streams new events live', async () => {
    const key = await server.services.apiKeys.issue('stream', ['audit:read'], {
      tenantId: 'default', actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c',
    });
    const client = graphqlClient(server.url, { bearer: key.token });
    const first = await client.request<{ auditEvents: { edges: Array<{ cursor: string }>; pageInfo: { endCursor: string; hasNextPage: boolean } } }>(
      '{ auditEvents(first: 2) { edges { cursor } pageInfo { endCursor hasNextPage } } }',
    );
    const page1 = first.data!.auditEvents;
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await client.request<{ auditEvents: { edges: Array<{ cursor: string }> } }>(
      'query($a: String) { auditEvents(first: 2, after: $a) { edges { cursor } } }',
      { a: page1.pageInfo.endCursor },
    );
    expect(BigInt(second.data!.auditEvents.edges[0]!.cursor)).toBeLessThan(BigInt(page1.pageInfo.endCursor));

    const ws = createClient({ url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key.token}` } });
    const received: string[] = [];
    const done = new Promise<void>((resolve, reject) => {
      ws.subscribe<{ auditEvents: { type: string; summary: string } }>(
        { query: 'subscription { auditEvents { type summary } }' },
        { next: (m) => { received.push(m.data!.auditEvents.summary); if (received.length >= 1) resolve(); }, error: reject, complete: () => undefined },
      );
    });
    await new Promise((r) => setTimeout(r, 200));
    await server.services.apiKeys.issue('live one', ['audit:read'], {
      tenantId: 'default', actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c',
    });
    await done;
    expect(received[0]).toContain('API key "live one" issued');
    await ws.dispose();
  });

  it('answers malformed requests with a clear error and no stack trace', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/at .*\.ts:\d+/);
    const bad = await graphqlClient(server.url).request('{ auditEvents(first: 0) { edges { cursor } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
