import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../api/eventstore';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import type { JobQueue } from './job-queue';
import { pushReactor } from './push.reactor';
import { createReactorRunner } from './reactor-runner';
import { createSqliteJobQueue } from './sqlite-job-queue';

describe('reactor runner', () => {
  let dir: string;
  let store: EventStore;
  let queue: JobQueue;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-reactor-'));
    store = createSqliteEventStore({ file: ':memory:' });
    queue = createSqliteJobQueue({ file: join(dir, 'jobs.sqlite') });
  });
  afterEach(async () => {
    await queue.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const issue = (challengeId: string, deviceIds: string[]) =>
    store.append(`challenge-t1-${challengeId}`, [{
      eventId: randomUUID(), type: 'PushChallengeIssued',
      data: { challengeId, signInId: 's', deviceIds, issuedAt: '2030-01-01T00:00:00.000Z', expiresAt: '2030-01-01T00:01:00.000Z' },
      metadata: { tenantId: 't1', actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', timestamp: '2030-01-01T00:00:00.000Z' },
    }], 'no_stream');
  const runOnce = async () => {
    const runner = createReactorRunner({ store, db: new Database(':memory:'), queue, reactors: [pushReactor] });
    await runner.start();
    await runner.stop();
  };

  it('an event reacted to again (a crash before the checkpoint) enqueues none of its jobs twice', async () => {
    await issue('c1', ['phone', 'tablet']);
    await runOnce();
    expect(await queue.depth('push')).toBe(2); // one delivery per device
    await runOnce();
    expect(await queue.depth('push')).toBe(2);
    await issue('c2', ['phone']);
    await runOnce();
    expect(await queue.depth('push')).toBe(3);
  });

  it('moves the checkpoint past unconcerned events, at the latest when it stops', async () => {
    const db = new Database(':memory:');
    await issue('c1', ['phone']);
    const unconcerned = await store.append('tenant-t1', [{
      eventId: randomUUID(), type: 'TenantRenamed', data: { name: 'x' },
      metadata: { tenantId: 't1', actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c', timestamp: '2030-01-01T00:00:00.000Z' },
    }], 'any');
    const runner = createReactorRunner({ store, db, queue, reactors: [pushReactor] });
    await runner.start();
    await runner.stop();
    expect(db.prepare("SELECT position FROM reactor_checkpoints WHERE name = 'push'").pluck().safeIntegers(true).get()).toBe(unconcerned.position);
  });

  it('queues the jobs of a batch whose enqueue failed once it works again (a queue that was down)', async () => {
    await issue('c1', ['phone']);
    let down = true;
    const flaky: JobQueue = { ...queue, enqueue: (...args) => (down ? Promise.reject(new Error('queue unreachable')) : queue.enqueue(...args)) };
    const errors: string[] = [];
    const runner = createReactorRunner({ store, db: new Database(':memory:'), queue: flaky, reactors: [pushReactor], onError: (e) => errors.push(e.message) });
    const started = runner.start();
    for (let i = 0; i < 200 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    down = false;
    await started;
    for (let i = 0; i < 300 && (await queue.depth('push')) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(errors).toContain('queue unreachable');
    expect(await queue.depth('push')).toBe(1);
    await runner.stop();
  });
});
