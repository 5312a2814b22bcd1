import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventStoreContract } from './event-store.contract';
import { WrongExpectedRevisionError, type NewEvent, type RecordedEvent } from './event-store';
import { createSqliteEventStore } from './sqlite-event-store';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'cs-es-')), 'events.sqlite');

eventStoreContract('SQLite', async () => createSqliteEventStore({ file: freshFile() }));

function event(type: string, eventId = randomUUID()): NewEvent {
  return {
    eventId,
    type,
    data: { type },
    metadata: { tenantId: 't1', actor: { kind: 'system', id: 'test' }, correlationId: randomUUID(), causationId: randomUUID(), timestamp: new Date().toISOString() },
  };
}

describe('SQLite event store group commit', () => {
  it('fails only the appends that go wrong when several share one commit', async () => {
    const store = createSqliteEventStore({ file: freshFile() });
    const reused = randomUUID();
    await store.append('stream-a', [event('A', reused)], 'no_stream');
    // Same tick, so one transaction: a clean append, one refused before it writes, one that
    // fails after writing its first event (its second id belongs to another stream), another clean one.
    const results = await Promise.allSettled([
      store.append('stream-b', [event('B1')], 'no_stream'),
      store.append('stream-a', [event('A2')], 5n),
      store.append('stream-c', [event('C1'), event('C2', reused)], 'no_stream'),
      store.append('stream-d', [event('D1'), event('D2')], 'no_stream'),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/already used by another append/);
    expect(await store.readStream('stream-c')).toEqual([]);
    expect((await store.readStream('stream-d')).map((e) => e.type)).toEqual(['D1', 'D2']);
    const all = await store.readAll();
    expect(all.map((e) => e.type)).toEqual(['A', 'B1', 'D1', 'D2']);
    await store.close();
  });
});

describe('SQLite event store across processes', () => {
  it('delivers events appended through another connection to a polling subscriber, once each and in order', async () => {
    const file = freshFile();
    const writer = createSqliteEventStore({ file });
    const reader = createSqliteEventStore({ file, crossProcessPollMs: 2 });
    const seen: RecordedEvent[] = [];
    let caughtUp = false;
    const sub = reader.subscribe({ onEvents: (events) => void seen.push(...events), onCaughtUp: () => (caughtUp = true) });
    await until(() => caughtUp);
    for (let i = 0; i < 30; i++) await writer.append(`stream-${i % 3}`, [event(`E${i}`), event(`F${i}`)], 'any');
    await until(() => seen.length >= 60);
    expect(seen.map((e) => e.type)).toEqual(Array.from({ length: 30 }, (_, i) => [`E${i}`, `F${i}`]).flat());
    expect(seen[0]!.streamId).toBe('stream-0');
    await sub.close();
    await reader.close();
    await writer.close();
  });
});

async function until(check: () => boolean) {
  for (let waited = 0; !check(); waited += 5) {
    if (waited > 5_000) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('SQLite event store acknowledged on commit', () => {
  it('answers before the sync; the next command sees the events at once, subscribers once they are on disk', async () => {
    const store = createSqliteEventStore({ file: freshFile() });
    const delivered: string[] = [];
    const subscription = store.subscribe({ onEvents: (events) => void delivered.push(...events.map((e) => e.type)) });
    const first = await store.append('stream-a', [event('Committed')], 'no_stream', { ack: 'committed' });
    // The sync runs in the thread pool and is reported on a later turn of the event loop.
    expect(await store.headPosition()).toBeLessThan(first.position);
    expect((await store.readStream('stream-a')).map((e) => e.type)).toEqual(['Committed']);
    expect(delivered).toEqual([]);
    // The next append, acknowledged once durable, brings the first to disk with it.
    const second = await store.append('stream-a', [event('Durable')], first.nextRevision);
    expect(await store.headPosition()).toBe(second.position);
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual(['Committed', 'Durable']);
    await subscription.close();
    await store.close();
  });
});
