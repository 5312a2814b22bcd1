import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';

/** Live subscriptions lose access exactly when new requests do. */
describe('live authorization of GraphQL subscriptions', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ends a live subscription as soon as its API key is revoked or its admin signs out', async () => {
    /** An audit subscription over graphql-ws: when its first event arrived, and the close code the server ends it with. */
    const liveSubscription = (connection: { connectionParams?: Record<string, string>; headers?: Record<string, string> }) => {
      let receiving!: () => void;
      let closed!: (code: number) => void;
      const result = { receiving: new Promise<void>((r) => (receiving = r)), closed: new Promise<number>((r) => (closed = r)) };
      const withHeaders = class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: connection.headers ?? {} });
        }
      };
      const client = createClient({
        url: server.url.replace('http', 'ws') + '/graphql', webSocketImpl: withHeaders, retryAttempts: 0, lazy: false,
        connectionParams: connection.connectionParams ?? {},
        on: { closed: (event) => closed((event as { code: number }).code) },
      });
      // From the first event on: the replay shows the subscription is running.
      client.subscribe({ query: 'subscription { auditEvents(after: "0") { type } }' }, { next: () => receiving(), error: () => undefined, complete: () => undefined });
      return result;
    };

    // An API key, revoked while its subscription runs.
    const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c' };
    const key = await server.services.apiKeys.issue('siem', ['audit:read'], ctx);
    const keyed = liveSubscription({ connectionParams: { authorization: `Bearer ${key.token}` } });
    await keyed.receiving;
    await server.services.apiKeys.revoke(key.keyId, ctx);
    expect(await keyed.closed).toBe(4403);

    // An admin's cookie session, ended by signing out elsewhere.
    const admin = graphqlClient(server.url);
    await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const session = liveSubscription({ headers: { cookie, origin: server.url } });
    await session.receiving;
    await admin.request('mutation { signOut }');
    expect(await session.closed).toBe(4403);
  });

});
