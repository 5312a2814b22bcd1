import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../api/config/config';
import { createLogger } from '../../api/logger';
import { startCountersign, type Role } from '../../api/runtime/start-countersign';

export const TEST_ADMIN = { email: 'owner@example.test', password: 'correct-horse-battery' };

/** A real Countersign on a free loopback port with its own data folder. */
export async function startTestServer(env: Record<string, string> = {}, roles: Role[] = ['api', 'projections', 'workers']) {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'cs-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email,
    COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password,
    ...env,
  });
  const running = await startCountersign(config, createLogger(config.LOG_LEVEL), roles);
  const port = (running.server!.address() as { port: number }).port;
  // The public URL must match the port chosen by the OS, for origin checks.
  running.services.config.publicUrl = `http://127.0.0.1:${port}`;
  return { ...running, url: `http://127.0.0.1:${port}`, dataDir };
}
