import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, TEST_ADMIN } from '../test/support/start-test-server';

const root = new URL('..', import.meta.url).pathname;

/**
 * Countersign in its own process for benchmarks (`npm start` as a user runs it), so the load
 * generator's CPU is not counted as the server's. `cpuMs()` reads the process's user+system
 * time from /proc.
 */
export async function startServerProcess(env: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', join(root, 'api/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port), HOST: '127.0.0.1', COUNTERSIGN_PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email, COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password, COUNTERSIGN_DEMO_USERS: 'false',
      COUNTERSIGN_SERVE_WEB: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      if (i > 600) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const ticks = 100; // USER_HZ on Linux
  return {
    url,
    dataDir,
    pid: child.pid!,
    /** CPU milliseconds (user + system) the server process has used so far. */
    cpuMs(): number {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
    },
    /** Resident memory of the server process in bytes. */
    rssBytes(): number {
      const pages = Number(readFileSync(`/proc/${child.pid}/statm`, 'utf8').split(' ')[1]);
      return pages * 4096;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
