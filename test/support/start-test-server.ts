import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../api/config/config';
import { createLogger } from '../../api/logger';
import { startCountersign, type Role } from '../../api/runtime/start-countersign';

export const TEST_ADMIN = { email: 'owner@example.test', password: 'correct-horse-battery' };

/** A free TCP port on loopback (closed again before it is returned). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A real Countersign on a free loopback port with its own data folder; its public URL is that address. */
export async function startTestServer(env: Record<string, string> = {}, roles: Role[] = ['api', 'projections', 'workers']) {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cs-test-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    COUNTERSIGN_PUBLIC_URL: url,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email,
    COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
  });
  const running = await startCountersign(config, createLogger(config.LOG_LEVEL), roles);
  return {
    ...running,
    url,
    dataDir,
    /**
     * Waits until the read models hold every event stored so far. They are projected in a
     * thread of their own, so a test that reads them right after a step that does not wait
     * for them (a sign-in, a rejected request) must call this first.
     */
    readModelsCaughtUp: async () => running.services.progress.waitFor(await running.services.store.headPosition(), 10_000),
  };
}
