/**
 * `npm run bench:eventstore`: appends per second (single events and batches) on the SQLite
 * event store with durable commits (synchronous=FULL, WAL), and how far the read models
 * (all of the product's projections) trail behind at that load.
 * Targets (2-core machine): >= 5,000 single-event appends/s, >= 50,000 events/s in batches,
 * projection lag p99 <= 100 ms.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../api/eventstore';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import { allProjections, createProjectionRunner, openReadModelDb } from '../projections';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function event(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'BenchmarkEventRecorded',
    data: { i, note: 'a typical small event body with a few fields', ok: true },
    metadata: {
      tenantId: 'bench',
      actor: { kind: 'system', id: 'bench' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      timestamp: new Date().toISOString(),
      ip: '203.0.113.7',
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}

async function run(label: string, batchSize: number, concurrency: number) {
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.sqlite') });
  const db = openReadModelDb(join(dir, 'read.sqlite'));
  const runner = createProjectionRunner({ store, db, projections: allProjections });
  await runner.start();

  // Projection lag: time from an append being acknowledged to the read models having it.
  const acked: Array<{ position: bigint; at: number }> = [];
  const lags: number[] = [];
  runner.onAdvance((position) => {
    const now = performance.now();
    while (acked.length && acked[0]!.position <= position) lags.push(now - acked.shift()!.at);
  });

  let events = 0;
  let appends = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      let n = 0;
      while (performance.now() < deadline) {
        const batch = Array.from({ length: batchSize }, () => event(n++));
        const result = await store.append(`bench-${worker}-${n % 50}`, batch, 'any');
        acked.push({ position: result.position, at: performance.now() });
        events += batchSize;
        appends++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await runner.waitFor(await store.headPosition(), 60_000);
  lags.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(34)} ${Math.round(events / elapsed).toLocaleString('en').padStart(9)} events/s  ` +
      `${Math.round(appends / elapsed).toLocaleString('en').padStart(8)} appends/s  ` +
      `projection lag p50 ${percentile(lags, 50).toFixed(1)} ms, p99 ${percentile(lags, 99).toFixed(1)} ms, max ${percentile(lags, 100).toFixed(1)} ms`,
  );
  await runner.stop();
  await store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { eventsPerSecond: events / elapsed, lagP99: percentile(lags, 99) };
}

console.log(`SQLite event store, synchronous=FULL, WAL, ${SECONDS} s per run, all ${allProjections.length} projections live\n`);
await run('single events, 1 writer', 1, 1);
const single = await run('single events, 64 concurrent writers', 1, 64);
const batched = await run('batches of 100, 8 concurrent writers', 100, 8);
console.log(
  `\ntargets: single >= 5,000/s: ${single.eventsPerSecond >= 5000 ? 'met' : 'MISSED'}; ` +
    `batched >= 50,000/s: ${batched.eventsPerSecond >= 50000 ? 'met' : 'MISSED'}; ` +
    `lag p99 <= 100 ms: ${Math.max(single.lagP99, batched.lagP99) <= 100 ? 'met' : 'MISSED'}`,
);
