import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from './event-store';

/**
 * The one contract every event-store adapter passes. `factory` returns a store whose
 * streams are isolated from other runs (tests use fresh stream ids, never assume an empty
 * store) so the suite can run against a shared KurrentDB server too.
 */
export function eventStoreContract(name: string, factory: () => Promise<EventStore>, opts: { skip?: string } = {}) {
  describe.skipIf(Boolean(opts.skip))(`event store contract: ${name}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const stream = (label: string) => `test-${run}-${label}`;

    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('appends to a new stream with no_stream and reads it back in order', async () => {
      const s = stream('new');
      const result = await store.append(s, [event('A', { n: 1 }), event('B', { n: 2 })], 'no_stream');
      expect(result.nextRevision).toBe(1n);
      const read = await store.readStream(s);
      expect(read.map((e) => [e.type, e.data, e.revision])).toEqual([
        ['A', { n: 1 }, 0n],
        ['B', { n: 2 }, 1n],
      ]);
      expect(read[1]!.position).toBe(result.position);
      expect(read[0]!.position < read[1]!.position).toBe(true);
      expect(read[0]!.metadata.tenantId).toBe('t1');
    });

    it('enforces every kind of expected revision', async () => {
      const s = stream('expect');
      await expect(store.append(s, [event('A')], 'stream_exists')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(s, [event('A')], 0n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store.append(s, [event('A')], 'no_stream');
      await expect(store.append(s, [event('B')], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(s, [event('B')], 1n)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await store.append(s, [event('B')], 0n);
      await store.append(s, [event('C')], 'stream_exists');
      await store.append(s, [event('D')], 'any');
      expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('lets exactly one of two concurrent writers with the same expectation win', async () => {
      const s = stream('race');
      await store.append(s, [event('A')], 'no_stream');
      const results = await Promise.allSettled([
        store.append(s, [event('B1')], 0n),
        store.append(s, [event('B2')], 0n),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(failure.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(s)).toHaveLength(2);
    });

    it('treats a re-sent event id as an idempotent no-op', async () => {
      const s = stream('idem');
      const e = event('A');
      const first = await store.append(s, [e], 'no_stream');
      const again = await store.append(s, [e], 'no_stream');
      expect(again.position).toBe(first.position);
      expect(await store.readStream(s)).toHaveLength(1);
    });

    it('returns an empty array for a stream that does not exist', async () => {
      expect(await store.readStream(stream('missing'))).toEqual([]);
    });

    it('reads all events after a position, filtered by type and stream prefix', async () => {
      const head = await store.headPosition();
      const a = stream('all-a');
      const b = stream('all-b');
      await store.append(a, [event('X'), event('Y')], 'no_stream');
      await store.append(b, [event('X')], 'no_stream');
      const all = await store.readAll({ after: head, limit: 100 });
      expect(all.filter((e) => e.streamId.startsWith(`test-${run}-all`)).map((e) => e.streamId)).toEqual([a, a, b]);
      const onlyX = await store.readAll({ after: head, filter: { eventTypes: ['X'], streamPrefixes: [`test-${run}-all`] } });
      expect(onlyX.map((e) => e.streamId)).toEqual([a, b]);
      const onlyB = await store.readAll({ after: head, filter: { streamPrefixes: [b] } });
      expect(onlyB).toHaveLength(1);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(all[all.length - 1]!.position);
    });

    it('subscribes: catches up on history, signals caught-up, then receives live events in order', async () => {
      const prefix = `test-${run}-sub`;
      const s = `${prefix}-1`;
      await store.append(s, [event('H1'), event('H2')], 'no_stream');
      const seen: RecordedEvent[] = [];
      let caughtUp = false;
      let lastCheckpoint = 0n;
      const gotLive = deferred();
      const sub = store.subscribe({
        filter: { streamPrefixes: [prefix] },
        onEvents: (events) => {
          seen.push(...events);
          if (seen.some((e) => e.type === 'L2')) gotLive.resolve();
        },
        onCaughtUp: () => {
          caughtUp = true;
        },
        onCheckpoint: (p) => {
          lastCheckpoint = p;
        },
      });
      await waitUntil(() => caughtUp);
      expect(seen.map((e) => e.type)).toEqual(['H1', 'H2']);
      await store.append(s, [event('L1')], 1n);
      await store.append(stream('other'), [event('Z')], 'no_stream');
      await store.append(s, [event('L2')], 2n);
      await gotLive.promise;
      expect(seen.map((e) => e.type)).toEqual(['H1', 'H2', 'L1', 'L2']);
      await waitUntil(() => lastCheckpoint >= seen[3]!.position);
      await sub.close();
    });

    it('resumes a subscription after a position with no gap and no duplicate', async () => {
      const prefix = `test-${run}-resume`;
      await store.append(`${prefix}-1`, [event('R1'), event('R2'), event('R3')], 'no_stream');
      const [, second] = await store.readStream(`${prefix}-1`);
      const seen: string[] = [];
      let caughtUp = false;
      const sub = store.subscribe({
        after: second!.position,
        filter: { streamPrefixes: [prefix] },
        onEvents: (events) => void seen.push(...events.map((e) => e.type)),
        onCaughtUp: () => (caughtUp = true),
      });
      await waitUntil(() => caughtUp);
      expect(seen).toEqual(['R3']);
      await sub.close();
    });

    it('delivers a burst of concurrent appends to a live subscriber exactly once, in position order', async () => {
      const prefix = `test-${run}-burst`;
      const positions: bigint[] = [];
      let caughtUp = false;
      const sub = store.subscribe({
        after: await store.headPosition(),
        filter: { streamPrefixes: [prefix] },
        onEvents: (events) => void positions.push(...events.map((e) => e.position)),
        onCaughtUp: () => (caughtUp = true),
      });
      await waitUntil(() => caughtUp);
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.append(`${prefix}-${i % 7}`, [event('E')], 'any')));
      await waitUntil(() => positions.length >= 200);
      expect(positions).toHaveLength(200);
      expect(new Set(positions).size).toBe(200);
      expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
      await sub.close();
    });
  });
}

function event(type: string, data: Record<string, unknown> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      tenantId: 't1',
      actor: { kind: 'system', id: 'contract-test' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      timestamp: new Date().toISOString(),
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function waitUntil(check: () => boolean, timeoutMs = 5_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
