import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { graphqlClient } from './support/graphql-client';
import { TEST_ADMIN } from './support/start-test-server';

const root = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startProcess(dataDir: string, port: number, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(root, 'api/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email,
      COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(url: string) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become ready');
}

describe('crash recovery', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
  });

  it('loses no acknowledged event when SIGKILLed mid-burst, and the read models catch up to the same state', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-crash-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = startProcess(dataDir, port);
    await waitReady(url);
    const client = graphqlClient(url);
    await client.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });

    // Fire a burst of mutations and SIGKILL the server while they are in flight.
    const acknowledged: string[] = [];
    const burst = Array.from({ length: 400 }, (_, i) =>
      client
        .request<{ createApiKey: { apiKey: { id: string } } }>(`mutation { createApiKey(name: "burst ${i}", scopes: [AUDIT_READ]) { apiKey { id } } }`)
        .then((r) => {
          if (r.data) acknowledged.push(r.data.createApiKey.apiKey.id);
        })
        .catch(() => undefined),
    );
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await Promise.all(burst);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(acknowledged.length).toBeLessThan(400);

    // Restart on the same data folder.
    child = startProcess(dataDir, port);
    await waitReady(url);
    const events = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
    const stored = new Set(
      events.prepare("SELECT data FROM events WHERE type = 'ApiKeyIssued'").all().map((r) => JSON.parse((r as { data: string }).data).keyId as string),
    );
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
    const readModels = new Database(join(dataDir, 'readmodels.sqlite'), { readonly: true });
    const projected = readModels.prepare('SELECT key_id FROM api_keys').pluck().all() as string[];
    expect(new Set(projected)).toEqual(stored);
    const auditCount = readModels.prepare('SELECT COUNT(*) FROM audit_events').pluck().get();
    expect(auditCount).toBe(events.prepare('SELECT COUNT(*) FROM events').pluck().get());
    events.close();
    readModels.close();
  });

  it('stops cleanly on SIGTERM (exit code 0, not the forced exit), and starts again on the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-stop-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // Outside vitest's NODE_ENV=test, as in production: Apollo's own signal handlers once
    // turned every shutdown into the 25 s forced exit.
    child = startProcess(dataDir, port, { NODE_ENV: 'production' });
    await waitReady(url);
    const client = graphqlClient(url);
    await client.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const created = await client.request<{ createApiKey: { apiKey: { id: string } } }>('mutation { createApiKey(name: "before stop", scopes: [AUDIT_READ]) { apiKey { id } } }');
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);

    child = startProcess(dataDir, port, { NODE_ENV: 'production' });
    await waitReady(url);
    const readModels = new Database(join(dataDir, 'readmodels.sqlite'), { readonly: true });
    expect(readModels.prepare('SELECT key_id FROM api_keys').pluck().all()).toContain(created.data!.createApiKey.apiKey.id);
    readModels.close();
  });
});
