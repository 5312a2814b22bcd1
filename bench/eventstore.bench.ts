/**
 * `npm run bench:eventstore`: appends per second on the SQLite event store with durable
 * commits (synchronous=FULL, WAL), single events and batches, and how far the read models
 * (every projection of the product) trail behind at the batched load.
 *
 * Targets (2-core machine): >= 5,000 single-event appends/s, >= 50,000 events/s in batches,
 * projection lag p99 <= 100 ms at that load. Projections are measured twice: in their own
 * thread with their own connection (the production topology: `npm run start:projections`),
 * and in the same thread as the appends (single-node `npm start`).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EventStore, NewEvent } from '../api/eventstore';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import { allProjections, createProjectionRunner, openReadModelDb } from '../projections';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const now = () => performance.timeOrigin + performance.now();

function event(i: number, metadata: NewEvent['metadata']): NewEvent {
  return { eventId: randomUUID(), type: 'BenchmarkEventRecorded', data: { i, note: 'a typical small event body with a few fields', ok: true }, metadata };
}

function metadata(): NewEvent['metadata'] {
  return {
    tenantId: 'bench',
    actor: { kind: 'system', id: 'bench' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    timestamp: new Date().toISOString(),
    ip: '203.0.113.7',
  };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

/** Appends for SECONDS with `concurrency` writers of `batchSize` events; calls onAck per append. */
async function load(store: EventStore, batchSize: number, concurrency: number, onAck?: (position: bigint) => void) {
  let events = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      let n = 0;
      while (performance.now() < deadline) {
        const meta = metadata();
        const result = await store.append(`bench-${worker}-${n % 50}`, Array.from({ length: batchSize }, () => event(n++, meta)), 'any');
        onAck?.(result.position);
        events += batchSize;
      }
    }),
  );
  return events / ((performance.now() - started) / 1000);
}

function lagTracker() {
  const acked: Array<{ position: bigint; at: number }> = [];
  const lags: number[] = [];
  return {
    ack: (position: bigint) => acked.push({ position, at: now() }),
    pending: () => acked.length,
    reached(position: bigint, at: number) {
      while (acked.length && acked[0]!.position <= position) lags.push(at - acked.shift()!.at);
    },
    summary() {
      lags.sort((a, b) => a - b);
      return { p50: pct(lags, 50), p99: pct(lags, 99), max: pct(lags, 100) };
    },
  };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en').padStart(9);
const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  dirs.push(dir);
  return { eventsFile: join(dir, 'events.sqlite'), readFile: join(dir, 'read.sqlite') };
};

console.log(`SQLite event store, synchronous=FULL, WAL, ${SECONDS} s per run\n\nAppends alone:`);
const results: Record<string, number> = {};
for (const [label, batch, writers] of [['single events, 1 writer', 1, 1], ['single events, 64 concurrent writers', 1, 64], ['batches of 100, 8 concurrent writers', 100, 8]] as const) {
  const store = createSqliteEventStore({ file: fresh().eventsFile });
  results[label] = await load(store, batch, writers);
  console.log(`  ${label.padEnd(38)} ${fmt(results[label])} events/s`);
  await store.close();
}

console.log(`\nWith all ${allProjections.length} projections live, at the batched load:`);
{
  const files = fresh();
  const store = createSqliteEventStore({ file: files.eventsFile });
  const worker = new Worker(new URL('../api/runtime/ts-worker.mjs', import.meta.url), {
    workerData: { ...files, entry: new URL('./internal-projection-worker.ts', import.meta.url).href },
  });
  const tracker = lagTracker();
  await new Promise<void>((resolve) => worker.on('message', (m) => (m === 'ready' ? resolve() : typeof m === 'object' && tracker.reached(m.position, m.at))));
  const rate = await load(store, 100, 8, tracker.ack);
  for (let waited = 0; tracker.pending() > 0 && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  const lag = tracker.summary();
  results.lagWorker = lag.p99;
  console.log(`  projections in their own thread (production)  ${fmt(rate)} events/s appended; lag p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms`);
  worker.postMessage('stop');
  await new Promise<void>((resolve) => worker.on('message', (m) => m === 'stopped' && resolve()));
  await worker.terminate();
  await store.close();
}
{
  const files = fresh();
  const store = createSqliteEventStore({ file: files.eventsFile });
  const runner = createProjectionRunner({ store, db: openReadModelDb(files.readFile), projections: allProjections });
  await runner.start();
  const tracker = lagTracker();
  runner.onAdvance((position) => tracker.reached(position, now()));
  const rate = await load(store, 100, 8, tracker.ack);
  await runner.waitFor(await store.headPosition(), 60_000);
  const lag = tracker.summary();
  console.log(`  projections in the same thread (npm start)    ${fmt(rate)} events/s appended; lag p50 ${lag.p50.toFixed(1)} ms, p99 ${lag.p99.toFixed(1)} ms, max ${lag.max.toFixed(1)} ms`);
  await runner.stop();
  await store.close();
}

const single = results['single events, 64 concurrent writers']!;
const batched = results['batches of 100, 8 concurrent writers']!;
console.log(
  `\ntargets: single >= 5,000/s ${single >= 5000 ? 'met' : 'MISSED'}; batched >= 50,000/s ${batched >= 50000 ? 'met' : 'MISSED'}; ` +
    `lag p99 <= 100 ms (production topology) ${results.lagWorker! <= 100 ? 'met' : 'MISSED'}`,
);
for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
