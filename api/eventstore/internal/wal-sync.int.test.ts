import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWalSync } from './wal-sync';

const walFile = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-wal-')), 'events.sqlite-wal');
  writeFileSync(file, 'frames');
  return file;
};

describe('WalSync', () => {
  it('acknowledges every commit, in the order they were made', async () => {
    const sync = createWalSync(walFile());
    const order: string[] = [];
    const acknowledged = (name: string) => new Promise<void>((resolve, reject) => sync.afterCommit((error) => (error ? reject(error) : (order.push(name), resolve()))));
    const first = acknowledged('first');
    const second = acknowledged('second');
    const third = acknowledged('third');
    await Promise.all([first, second, third]);
    expect(order).toEqual(['first', 'second', 'third']);
    await sync.close();
  });

  it('waits for a sync in flight before closing', async () => {
    const sync = createWalSync(walFile());
    let acknowledged = false;
    sync.afterCommit(() => (acknowledged = true));
    await sync.close();
    expect(acknowledged).toBe(true);
  });
});
