/**
 * `npm run bench:audit`: time and memory to export 100,000 audit events as JSON Lines and CSV
 * through GET /api/audit/export. Target: under 10 s each, with flat server memory.
 */
import { randomUUID } from 'node:crypto';
import { startTestServer } from '../test/support/start-test-server';

const COUNT = Number(process.env.BENCH_EVENTS ?? 100_000);
const server = await startTestServer({ COUNTERSIGN_DEMO_USERS: 'false' });
const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 'bench' }, correlationId: 'c', causationId: 'c' };
const token = (await server.services.apiKeys.issue('bench', ['audit:read'], ctx)).token;
let position = 0n;
for (let start = 0; start < COUNT; start += 1000) {
  const batch = Array.from({ length: 1000 }, (_, j) => ({
    eventId: randomUUID(),
    type: 'PrimaryAuthFailed',
    data: { username: `user${(start + j) % 500}`, reason: 'INVALID_CREDENTIALS', adminMessage: 'The password is wrong.' },
    metadata: { tenantId: 'default', actor: { kind: 'user' as const, id: 'anonymous' }, correlationId: randomUUID(), causationId: randomUUID(), timestamp: new Date().toISOString(), ip: '192.0.2.1' },
  }));
  position = (await server.services.store.append(`authentication-default-${randomUUID()}`, batch, 'no_stream')).position;
}
await server.services.progress.waitFor(position, 120_000);
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;
for (const format of ['jsonl', 'csv']) {
  global.gc?.();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  const started = performance.now();
  const res = await fetch(`${server.url}/api/audit/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${format.padEnd(5)} ${COUNT.toLocaleString('en')}+ events, ${mb(bytes)} in ${seconds.toFixed(2)} s (${Math.round(COUNT / seconds).toLocaleString('en')} rows/s); RSS ${mb(before.rss)} → peak ${mb(peakRss)} (target < 10 s: ${seconds < 10 ? 'met' : 'MISSED'})`);
}
await server.stop();
process.exit(0);
