import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { freePort, TEST_ADMIN } from '../test/support/start-test-server';

const root = new URL('..', import.meta.url).pathname;

/**
 * Countersign in its own process for benchmarks (`npm start` as a user runs it), so the load
 * generator's CPU is not counted as the server's. `cpuMs()` reads the process's user+system
 * time from /proc.
 */
export async function startServerProcess(env: Record<string, string> = {}) {
  const port = await freePort();
  // The inspector lets `heapAfterGc` collect garbage in the server before it measures.
  const inspectPort = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, `--inspect=127.0.0.1:${inspectPort}`, '--import', 'tsx', join(root, 'api/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port), HOST: '127.0.0.1', COUNTERSIGN_PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email, COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password, COUNTERSIGN_DEMO_USERS: 'false',
      COUNTERSIGN_SERVE_WEB: 'false',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  // A bench that fails half-way must not leave its server running.
  process.once('exit', () => child.kill('SIGKILL'));
  // The inspector announces itself on stderr; pass everything else through.
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString().split('\n').filter((l) => l && !/Debugger listening|For help, see|Debugger attached|Debugger ending|Waiting for the debugger/.test(l)).join('\n');
    if (text) process.stderr.write(`${text}\n`);
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
    /** The server's V8 heap in use after a full garbage collection, in bytes. */
    async heapAfterGc(): Promise<number> {
      const [target] = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
      const ws = new WebSocket(target!.webSocketDebuggerUrl);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      let id = 0;
      const call = (method: string) =>
        new Promise<Record<string, number>>((resolve) => {
          const mine = ++id;
          const onMessage = (raw: Buffer) => {
            const message = JSON.parse(raw.toString()) as { id?: number; result: Record<string, number> };
            if (message.id !== mine) return;
            ws.off('message', onMessage);
            resolve(message.result);
          };
          ws.on('message', onMessage);
          ws.send(JSON.stringify({ id: mine, method }));
        });
      await call('HeapProfiler.collectGarbage');
      const { usedSize } = await call('Runtime.getHeapUsage');
      ws.close();
      return usedSize!;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}
