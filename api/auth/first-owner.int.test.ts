import { describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer } from '../../test/support/start-test-server';

const SETUP = 'mutation($t: String!, $e: String!, $p: String!) { completeSetup(token: $t, email: $e, password: $p) { admin { email role } } }';

describe('first start without COUNTERSIGN_ADMIN_EMAIL', () => {
  it('prints a one-time setup link whose token creates the first owner once', async () => {
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (printed.push(String(chunk)), true)) as typeof process.stdout.write;
    let server;
    try {
      server = await startTestServer({ COUNTERSIGN_ADMIN_EMAIL: '', COUNTERSIGN_ADMIN_PASSWORD: '' });
    } finally {
      process.stdout.write = write;
    }
    const token = /\/setup\?token=([A-Za-z0-9_-]+)/.exec(printed.join(''))?.[1];
    expect(token).toBeDefined();
    const client = graphqlClient(server.url);
    expect((await client.request('{ setupRequired }')).data).toEqual({ setupRequired: true });

    const wrong = await client.request(SETUP, { t: 'guess', e: 'first@example.test', p: 'long-enough-password' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('SETUP_TOKEN_INVALID');
    const short = await client.request(SETUP, { t: token, e: 'first@example.test', p: 'short' });
    expect(short.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', fields: { password: 'use at least 12 characters' } } });

    const ok = await client.request(SETUP, { t: token, e: 'first@example.test', p: 'long-enough-password' });
    expect(ok.data).toEqual({ completeSetup: { admin: { email: 'first@example.test', role: 'OWNER' } } });
    expect((await client.request('{ me { email } }')).data).toEqual({ me: { email: 'first@example.test' } });

    const again = await graphqlClient(server.url).request(SETUP, { t: token, e: 'second@example.test', p: 'long-enough-password' });
    expect(again.errors?.[0]?.extensions?.code).toBe('SETUP_ALREADY_DONE');
    await server.stop();
  });
});
