import { afterEach, describe, expect, it, vi } from 'vitest';

import { ConnectionPool } from './connection-pool';

interface FakeConnection {
  id: number;
  open: boolean;
}

function fakePool(options: { max?: number; acquireTimeoutMs?: number; idleTimeoutMs?: number; failCreate?: () => boolean } = {}) {
  let next = 1;
  const destroyed: number[] = [];
  const pool = new ConnectionPool<FakeConnection>({
    max: options.max ?? 2,
    acquireTimeoutMs: options.acquireTimeoutMs ?? 1_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
    create: async () => {
      if (options.failCreate?.()) throw new Error('connect ECONNREFUSED');
      return { id: next++, open: true };
    },
    isOpen: (connection) => connection.open,
    destroy: (connection) => {
      connection.open = false;
      destroyed.push(connection.id);
    },
  });
  return { pool, destroyed };
}

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('ConnectionPool', () => {
  it('reuses one connection for work done one after the other', async () => {
    const { pool } = fakePool();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) await pool.use(async (connection) => ids.push(connection.id));
    expect(ids).toEqual([1, 1, 1, 1, 1]);
    expect(pool.stats()).toMatchObject({ open: 1, idle: 1, inUse: 0, created: 1 });
  });

  it('never opens more than max connections; extra callers queue and are served in turn', async () => {
    const { pool } = fakePool({ max: 2 });
    const gate = deferred();
    const used: number[] = [];
    const work = Array.from({ length: 6 }, () =>
      pool.use(async (connection) => {
        used.push(connection.id);
        await gate.promise;
      }),
    );
    await vi.waitFor(() => expect(pool.stats()).toMatchObject({ inUse: 2, waiting: 4 }));
    gate.resolve();
    await Promise.all(work);
    expect(new Set(used)).toEqual(new Set([1, 2]));
    expect(pool.stats()).toMatchObject({ open: 2, created: 2, waiting: 0 });
  });

  it('fails a caller with DIRECTORY_BUSY when no connection frees up in time', async () => {
    vi.useFakeTimers();
    const { pool } = fakePool({ max: 1, acquireTimeoutMs: 500 });
    const gate = deferred();
    const holding = pool.use(() => gate.promise);
    const waiting = pool.use(async () => 'never');
    const outcome = expect(waiting).rejects.toMatchObject({ code: 'DIRECTORY_BUSY' });
    await vi.advanceTimersByTimeAsync(501);
    await outcome;
    gate.resolve();
    await holding;
    expect(pool.stats()).toMatchObject({ open: 1, waiting: 0 });
  });

  it('drops a connection the work says is damaged, and opens a fresh one next time', async () => {
    const { pool, destroyed } = fakePool();
    await expect(pool.use(async () => { throw new Error('Connection closed'); }, () => false)).rejects.toThrow('Connection closed');
    expect(destroyed).toEqual([1]);
    expect(await pool.use(async (connection) => connection.id)).toBe(2);
  });

  it('keeps a connection after an error the work says is harmless (a wrong password)', async () => {
    const { pool, destroyed } = fakePool();
    await expect(pool.use(async () => { throw new Error('Invalid credentials'); }, () => true)).rejects.toThrow();
    expect(destroyed).toEqual([]);
    expect(await pool.use(async (connection) => connection.id)).toBe(1);
  });

  it('replaces idle connections the server closed', async () => {
    const { pool } = fakePool();
    const first = await pool.use(async (connection) => connection);
    first.open = false;
    expect(await pool.use(async (connection) => connection.id)).toBe(2);
    expect(pool.stats().open).toBe(1);
  });

  it('hands a queued caller a new connection when a failed open frees a slot', async () => {
    let attempts = 0;
    const { pool } = fakePool({ max: 1, failCreate: () => ++attempts === 1 });
    const first = pool.use(async () => 'first');
    const second = pool.use(async (connection) => connection.id);
    await expect(first).rejects.toThrow('ECONNREFUSED');
    await expect(second).resolves.toBe(1);
  });

  it('closes idle connections after the idle timeout', async () => {
    vi.useFakeTimers();
    const { pool, destroyed } = fakePool({ idleTimeoutMs: 10_000 });
    await pool.use(async () => undefined);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(destroyed).toEqual([1]);
    expect(pool.stats().open).toBe(0);
    await pool.close();
  });

  it('on close, ends idle connections, fails queued callers and ends busy ones when they return', async () => {
    const { pool, destroyed } = fakePool({ max: 1 });
    await pool.use(async () => undefined);
    const gate = deferred();
    const busy = pool.use(() => gate.promise);
    const queued = pool.use(async () => undefined);
    await pool.close();
    await expect(queued).rejects.toMatchObject({ code: 'DIRECTORY_CLOSED' });
    gate.resolve();
    await busy;
    expect(destroyed).toEqual([1]);
    await expect(pool.use(async () => undefined)).rejects.toMatchObject({ code: 'DIRECTORY_CLOSED' });
    expect(pool.stats().open).toBe(0);
  });
});
