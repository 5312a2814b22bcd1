import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
// The client's own subscription stream, fed with fake gRPC messages: what we test is how
// our pump behaves on the real Transform (buffering, out-of-band caughtUp/checkpoint).
import { Subscription as ClientSubscription } from '@kurrent/kurrentdb-client/dist/streams/utils/Subscription.js';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent, SubscribeOptions } from '../event-store';
import { kurrentSubscription, type KurrentSubscriptionSource } from './kurrent-subscription';

type Resp = Record<string, () => unknown>;

function event(position: number, streamId = 'a-1', type = 'A'): Resp {
  const resolved: AllStreamResolvedEvent = {
    event: {
      streamId,
      id: `id-${position}`,
      type,
      revision: 0n,
      created: new Date(0),
      isJson: true,
      data: { position },
      metadata: { tenantId: 't1' },
      position: { commit: BigInt(position), prepare: BigInt(position) },
    },
    commitPosition: BigInt(position),
  };
  return { hasEvent: () => true, getEvent: () => resolved };
}

function caughtUp(position?: number): Resp {
  const grpcPosition = { getCommitPosition: () => String(position), getPreparePosition: () => String(position) };
  return {
    hasCaughtUp: () => true,
    getCaughtUp: () => ({
      hasTimestamp: () => position !== undefined,
      getTimestamp: () => ({ toDate: () => new Date() }),
      hasStreamRevision: () => false,
      hasPosition: () => position !== undefined,
      getPosition: () => grpcPosition,
    }),
  };
}

function checkpoint(position: number): Resp {
  // Servers often leave the prepare position at 0 in checkpoints.
  return {
    hasCheckpoint: () => true,
    getCheckpoint: () => ({ getCommitPosition: () => String(position), getPreparePosition: () => '0' }),
  };
}

interface HarnessOptions {
  head?: bigint;
  eventBefore?: (position: bigint) => bigint | undefined;
}

function harness({ head, eventBefore = (p) => p - 1n }: HarnessOptions = {}) {
  const grpc = Object.assign(new PassThrough({ objectMode: true, highWaterMark: 2 }), {
    cancel: () => grpc.end(),
  });
  const state = {
    openedAfter: undefined as bigint | undefined,
    sub: undefined as AllStreamSubscription | undefined,
    lookups: [] as bigint[],
  };
  const source: KurrentSubscriptionSource = {
    open(after, onServerCheckpoint) {
      state.openedAfter = after;
      state.sub = new ClientSubscription<AllStreamResolvedEvent>(
        async () => grpc as never,
        (e) => e as unknown as AllStreamResolvedEvent,
        { highWaterMark: 2 },
        onServerCheckpoint,
      ) as unknown as AllStreamSubscription;
      return state.sub;
    },
    async eventBefore(position) {
      state.lookups.push(position);
      return eventBefore(position);
    },
    headPosition: () => (head === undefined ? new Promise<bigint>(() => {}) : Promise.resolve(head)),
  };
  const send = (...messages: Resp[]) => messages.forEach((m) => grpc.write(m));
  return { grpc, source, state, send };
}

/** Records every callback in order, as one log. */
function recorder(extra: Partial<SubscribeOptions> = {}) {
  const log: string[] = [];
  const seen: RecordedEvent[] = [];
  const options: SubscribeOptions = {
    onEvents: async (events) => {
      seen.push(...events);
      log.push(`events ${events.map((e) => e.position).join(',')}`);
      await new Promise((r) => setTimeout(r, 1));
    },
    onCaughtUp: (p) => void log.push(`caughtUp ${p}`),
    onCheckpoint: (p) => void log.push(`checkpoint ${p}`),
    onError: (e) => void log.push(`error ${e.message}`),
    ...extra,
  };
  return { log, seen, options };
}

async function waitUntil(check: () => boolean, timeoutMs = 2_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 2));
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('KurrentDB subscription pump', () => {
  it('opens after the requested position and delivers history before signalling caught up', async () => {
    const h = harness();
    const r = recorder();
    const sub = kurrentSubscription(h.source, { ...r.options, after: 5n });
    expect(h.state.openedAfter).toBe(5n);
    h.send(...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => event(n * 10)), caughtUp(), event(110));
    await waitUntil(() => r.seen.length === 11);
    const caughtUpAt = r.log.indexOf('caughtUp 100');
    expect(caughtUpAt).toBeGreaterThan(r.log.findIndex((l) => l.includes('100')));
    expect(r.log.slice(caughtUpAt + 1).join(' ')).toContain('events 110');
    expect(r.log.filter((l) => l.startsWith('caughtUp'))).toHaveLength(1);
    expect(r.seen.map((e) => e.position)).toEqual([10n, 20n, 30n, 40n, 50n, 60n, 70n, 80n, 90n, 100n, 110n]);
    await sub.close();
  });

  it('never overlaps onEvents and holds the gRPC stream back while the consumer is busy', async () => {
    const h = harness();
    const gate = deferred();
    let running = 0;
    let maxRunning = 0;
    const positions: bigint[] = [];
    const sub = kurrentSubscription(h.source, {
      onEvents: async (events) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        positions.push(...events.map((e) => e.position));
        await gate.promise;
        running -= 1;
      },
    });
    h.send(event(1));
    await waitUntil(() => positions.length === 1);
    h.send(...Array.from({ length: 50 }, (_, i) => event(i + 2)));
    await new Promise((r) => setTimeout(r, 20));
    expect(positions).toHaveLength(1);
    expect(h.state.sub!.readableLength).toBeLessThanOrEqual(2);
    // The rest is still queued upstream, in the (fake) gRPC call: back-pressure reached it.
    expect(h.grpc.readableLength + h.grpc.writableLength).toBeGreaterThan(40);
    gate.resolve();
    await waitUntil(() => positions.length === 51);
    expect(positions).toEqual(Array.from({ length: 51 }, (_, i) => BigInt(i + 1)));
    expect(maxRunning).toBe(1);
    await sub.close();
  });

  it('filters on its side, skips system events and seen positions, and checkpoints past what it skipped', async () => {
    const h = harness();
    const r = recorder({ after: 15n, filter: { streamPrefixes: ['a-'], eventTypes: ['A'] } });
    const sub = kurrentSubscription(h.source, r.options);
    h.send(event(10), event(20, 'a-1', 'A'), event(30, 'b-1', 'A'), event(40, '$stats-node', 'A'), event(50, 'a-2', 'B'));
    await waitUntil(() => r.log.includes('checkpoint 50'));
    expect(r.seen.map((e) => [e.streamId, e.position])).toEqual([['a-1', 20n]]);
    expect(r.log.indexOf('events 20')).toBeLessThan(r.log.indexOf('checkpoint 50'));
    await sub.close();
  });

  it('turns a server checkpoint into the newest event before it, only after the events ahead of it', async () => {
    const h = harness({ eventBefore: (p) => p - 7n });
    const r = recorder();
    const sub = kurrentSubscription(h.source, r.options);
    h.send(event(10), event(20), checkpoint(100), checkpoint(15), event(120));
    await waitUntil(() => r.seen.length === 3);
    await waitUntil(() => r.log.includes('checkpoint 120'));
    expect(r.log).toEqual(['events 10,20', 'checkpoint 20', 'checkpoint 93', 'events 120', 'checkpoint 120']);
    expect(h.state.lookups).toEqual([100n]); // checkpoint 15 could not move anything forward
    await sub.close();
  });

  it('uses the position in the server caught-up message as a checkpoint before signalling', async () => {
    const h = harness({ eventBefore: () => 150n });
    const r = recorder();
    const sub = kurrentSubscription(h.source, r.options);
    h.send(event(10), caughtUp(200));
    await waitUntil(() => r.log.some((l) => l.startsWith('caughtUp')));
    expect(r.log).toEqual(['events 10', 'checkpoint 10', 'checkpoint 150', 'caughtUp 150']);
    await sub.close();
  });

  it('falls back to the head position when the server never says it caught up', async () => {
    const h = harness({ head: 30n });
    const r = recorder();
    const sub = kurrentSubscription(h.source, r.options);
    h.send(event(10), event(20));
    await waitUntil(() => r.seen.length === 2);
    await new Promise((r) => setTimeout(r, 10));
    expect(r.log.some((l) => l.startsWith('caughtUp'))).toBe(false);
    h.send(event(30), caughtUp());
    await waitUntil(() => r.log.some((l) => l.startsWith('caughtUp')));
    await new Promise((r) => setTimeout(r, 10));
    expect(r.log.filter((l) => l.startsWith('caughtUp'))).toEqual(['caughtUp 30']);
    await sub.close();
  });

  it('is caught up at once on an empty store', async () => {
    const h = harness({ head: 0n });
    const r = recorder();
    const sub = kurrentSubscription(h.source, r.options);
    await waitUntil(() => r.log.includes('caughtUp 0'));
    await sub.close();
  });

  it('reports a stream error, or an unexpected end, through onError', async () => {
    const failing = harness();
    const r1 = recorder();
    const sub1 = kurrentSubscription(failing.source, r1.options);
    failing.send(event(10));
    await waitUntil(() => r1.seen.length === 1);
    failing.grpc.emit('error', new Error('connection reset'));
    await waitUntil(() => r1.log.includes('error connection reset'));
    await sub1.close();

    const ending = harness();
    const r2 = recorder();
    const sub2 = kurrentSubscription(ending.source, r2.options);
    ending.grpc.end();
    await waitUntil(() => r2.log.some((l) => l.startsWith('error')));
    expect(r2.log).toEqual(['error the KurrentDB subscription ended without being closed']);
    await sub2.close();
  });

  it('close waits for the batch in progress, then delivers nothing more and reports no error', async () => {
    const h = harness();
    const gate = deferred();
    const r = recorder({
      onEvents: async (events) => {
        r.seen.push(...events);
        await gate.promise;
      },
    });
    const sub = kurrentSubscription(h.source, r.options);
    h.send(event(10));
    await waitUntil(() => r.seen.length === 1);
    h.send(event(20));
    let closed = false;
    const closing = sub.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(false);
    gate.resolve();
    await closing;
    await new Promise((r) => setTimeout(r, 10));
    expect(r.seen.map((e) => e.position)).toEqual([10n]);
    expect(r.log.some((l) => l.startsWith('error'))).toBe(false);
  });
});
