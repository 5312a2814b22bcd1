import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphqlClient } from './support/graphql-client';
import { freePort, TEST_ADMIN } from './support/start-test-server';

const root = new URL('..', import.meta.url).pathname;

/**
 * The production topology on one node: api, projections and workers as three processes on
 * one data folder (SQLite store, SQLite queue). A command in the api process must reach the
 * read models through the projections process and a job through the workers process.
 */
describe('api, projections and workers as separate processes', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  it('an admin signs in through the api process and a token pack email is sent by the workers process', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-split-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', COUNTERSIGN_PUBLIC_URL: url, LOG_LEVEL: 'warn',
      COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email, COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password, COUNTERSIGN_DEMO_USERS: 'false',
    };
    const start = (entry: string) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, `api/entry/${entry}.ts`)], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
    };
    start('projections');
    await new Promise((r) => setTimeout(r, 2_000)); // the projections process creates the master key first
    start('workers');
    start('api');
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${url}/readyz`)).ok) break;
      } catch {
        if (i > 300) throw new Error('the api process did not become ready');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    const admin = graphqlClient(url);
    const signedIn = await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { admin { email } } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    expect(signedIn.data).toEqual({ signIn: { admin: { email: TEST_ADMIN.email } } });

    const packs = await admin.request<{ tokenPacks: Array<{ id: string }> }>('{ tokenPacks { id } }');
    const packId = packs.data!.tokenPacks[0]!.id;
    await admin.request('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: packId, e: ['user@example.test'] });
    const outbox = join(dataDir, 'outbox');
    await expect.poll(() => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')).length : 0), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(async () => (await admin.request<{ tokenPack: { sends: Array<{ status: string }> } }>('query($id: ID!) { tokenPack(id: $id) { sends { status } } }', { id: packId })).data?.tokenPack.sends[0]?.status, { timeout: 20_000 })
      .toBe('SENT');
  });
});
