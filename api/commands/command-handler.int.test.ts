import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createSqliteEventStore } from '../eventstore/sqlite-event-store';
import { createCommandHandler } from './command-handler';
import type { Decider } from './decider';

type Ev = { type: 'Incremented'; data: { by: number } };
const counter: Decider<{ by: number; max: number }, Ev, number> = {
  initialState: 0,
  decide: (cmd, state) => {
    if (state + cmd.by > cmd.max) throw new AppError('CONFLICT', 'over the limit');
    return [{ type: 'Incremented', data: { by: cmd.by } }];
  },
  evolve: (state, e) => state + e.data.by,
};
const ctx = { tenantId: 't1', actor: { kind: 'admin' as const, id: 'a1' }, correlationId: 'c1', causationId: 'k1', ip: '127.0.0.1' };

describe('command handler', () => {
  it('stamps metadata, uses the injected clock, and retries concurrent writers until all succeed', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const handle = createCommandHandler({ store, now: () => new Date('2026-01-02T03:04:05Z') });
    await Promise.all(Array.from({ length: 4 }, () => handle(counter, 'counter-t1-x', { by: 1, max: 100 }, ctx)));
    const events = await store.readStream('counter-t1-x');
    expect(events).toHaveLength(4);
    expect(events[0]!.metadata).toEqual({
      tenantId: 't1',
      actor: { kind: 'admin', id: 'a1' },
      correlationId: 'c1',
      causationId: 'k1',
      ip: '127.0.0.1',
      timestamp: '2026-01-02T03:04:05.000Z',
    });
    await store.close();
  });

  it('re-decides on a conflict so a rule that depends on state still holds', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const handle = createCommandHandler({ store, now: () => new Date() });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => handle(counter, 'counter-t1-y', { by: 1, max: 3 }, ctx)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect((await store.readStream('counter-t1-y')).length).toBe(3);
    await store.close();
  });

  it('dry-runs a command on the stored stream: the same events as handling it, nothing appended', async () => {
    const store = createSqliteEventStore({ file: ':memory:' });
    const handle = createCommandHandler({ store, now: () => new Date() });
    await handle(counter, 'counter-t1-z', { by: 2, max: 3 }, ctx);
    const before = await store.readStream('counter-t1-z');
    const dry = await handle.dryRun(counter, 'counter-t1-z', { by: 1, max: 3 });
    expect(dry).toEqual({ events: [{ type: 'Incremented', data: { by: 1 } }], state: 3 });
    await expect(handle.dryRun(counter, 'counter-t1-z', { by: 2, max: 3 })).rejects.toMatchObject({ code: 'CONFLICT', message: 'over the limit' });
    expect(await store.readStream('counter-t1-z')).toEqual(before);
    const real = await handle(counter, 'counter-t1-z', { by: 1, max: 3 }, ctx);
    expect(real.events).toEqual(dry.events);
    await store.close();
  });
});
