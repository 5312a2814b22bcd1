import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommandHandler, streamId } from '../api/commands';
import { tenantDecider } from '../api/domain/tenant';
import { newEventId } from '../api/eventstore';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import { createSqliteFollower } from '../api/eventstore/sqlite-follower';
import { openReadModelDb, startProjectionThread } from './index';

const ctx = { tenantId: 't1', actor: { kind: 'system' as const, id: 'test' }, correlationId: 'c', causationId: 'c' };
const files = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-projection-thread-'));
  return { eventsFile: join(dir, 'events.sqlite'), readModelFile: join(dir, 'readmodels.sqlite') };
};

describe('projection thread', () => {
  it('projects in its own thread: a write is readable from this thread once waitFor resolves, and onAdvance names the event types', async () => {
    const { eventsFile, readModelFile } = files();
    const store = createSqliteEventStore({ file: eventsFile });
    const handle = createCommandHandler({ store, now: () => new Date() });
    await handle(tenantDecider, streamId('tenant', 't1', 't1'), { type: 'CreateTenant', tenantId: 't1', name: 'Acme' }, ctx);
    const errors: Error[] = [];
    const thread = await startProjectionThread({ store, eventsFile, readModelFile, onError: (e) => errors.push(e) });
    const readDb = openReadModelDb(readModelFile);
    // Written before the thread started: projected while it caught up.
    expect(readDb.prepare('SELECT name FROM tenants WHERE id = ?').pluck().get('t1')).toBe('Acme');

    const seen: string[] = [];
    thread.onAdvance((_position, eventTypes) => seen.push(...(eventTypes ?? ['(unknown)'])));
    for (let i = 0; i < 10; i++) {
      const { position } = await handle(
        tenantDecider,
        streamId('tenant', 't1', 't1'),
        { type: 'IssueApiKey', keyId: `k${i}`, name: `key ${i}`, scopes: ['audit:read'], secretHash: 'h' },
        ctx,
      );
      await thread.waitFor(position);
      expect(readDb.prepare('SELECT name FROM api_keys WHERE key_id = ?').pluck().get(`k${i}`)).toBe(`key ${i}`);
    }
    expect(new Set(seen)).toEqual(new Set(['ApiKeyIssued']));
    expect(thread.position()).toBe(await store.headPosition());
    expect(errors).toEqual([]);

    await thread.stop();
    await expect(thread.waitFor(thread.position() + 1n, 1_000)).rejects.toMatchObject({ code: 'READ_MODEL_TIMEOUT' });
    readDb.close();
    await store.close();
  });

  it('starts again where its read models stopped, after the server restarts', async () => {
    const { eventsFile, readModelFile } = files();
    let store = createSqliteEventStore({ file: eventsFile });
    let handle = createCommandHandler({ store, now: () => new Date() });
    const tenant = streamId('tenant', 't1', 't1');
    await handle(tenantDecider, tenant, { type: 'CreateTenant', tenantId: 't1', name: 'Acme' }, ctx);
    let thread = await startProjectionThread({ store, eventsFile, readModelFile, onError: () => {} });
    await thread.stop();
    await store.close();

    store = createSqliteEventStore({ file: eventsFile });
    handle = createCommandHandler({ store, now: () => new Date() });
    await handle(tenantDecider, tenant, { type: 'IssueApiKey', keyId: 'k-after', name: 'after the restart', scopes: ['audit:read'], secretHash: 'h' }, ctx);
    thread = await startProjectionThread({ store, eventsFile, readModelFile, onError: () => {} });
    const readDb = openReadModelDb(readModelFile);
    expect(readDb.prepare('SELECT name FROM api_keys WHERE key_id = ?').pluck().get('k-after')).toBe('after the restart');
    await thread.stop();
    readDb.close();
    await store.close();
  });
});

describe('SQLite follower', () => {
  it('shows subscribers only the events its writer has reported durable', async () => {
    const { eventsFile } = files();
    const store = createSqliteEventStore({ file: eventsFile });
    const event = (n: number) => ({ eventId: newEventId(), type: 'Noted', data: { n }, metadata: { ...ctx, timestamp: new Date().toISOString() } });
    const first = await store.append('notes-1', [event(1), event(2)], 'any');
    const follower = createSqliteFollower(eventsFile, first.position);
    const delivered: number[] = [];
    const subscription = follower.subscribe({ onEvents: (events) => void delivered.push(...events.map((e) => (e.data as { n: number }).n)) });
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual([1, 2]);

    // Committed to the file, but not yet reported: not delivered.
    const second = await store.append('notes-1', [event(3)], 'any');
    const third = await store.append('notes-1', [event(4)], 'any');
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual([1, 2]);

    follower.advanceTo(second.position);
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual([1, 2, 3]);
    follower.advanceTo(third.position);
    follower.advanceTo(second.position); // late and out of order: ignored
    await new Promise((r) => setTimeout(r, 50));
    expect(delivered).toEqual([1, 2, 3, 4]);

    await subscription.close();
    follower.close();
    await store.close();
  });
});
