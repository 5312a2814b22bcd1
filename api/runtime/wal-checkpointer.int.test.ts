import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startWalCheckpointer } from './wal-checkpointer';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
};

/** A WAL database whose own connection never checkpoints, and a statement that adds a page or two. */
function walDb() {
  const file = join(mkdtempSync(join(tmpdir(), 'cs-ckpt-')), 'data.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE t (v BLOB)');
  return { file, db, insert: db.prepare('INSERT INTO t (v) VALUES (randomblob(4000))') };
}

describe('WAL checkpointer thread', () => {
  it('checkpoints a file whose own connection does not, so its WAL stops growing', async () => {
    const { file, db, insert } = walDb();
    const write = (n: number) => { for (let i = 0; i < n; i++) insert.run(); };
    const walSize = () => statSync(`${file}-wal`).size;

    write(500);
    const filled = walSize();
    const checkpointer = await startWalCheckpointer([file], pino({ level: 'silent' }));
    // Once a checkpoint has copied every frame, the next commits write the WAL from its start
    // again instead of growing it.
    let last = walSize();
    await until(() => {
      write(1);
      const now = walSize();
      const restarted = now === last;
      last = now;
      return restarted;
    });
    expect(last).toBeLessThan(2 * filled);
    write(400);
    expect(walSize()).toBe(last);
    await checkpointer.stop();
    db.close();
  });

  it('keeps the WAL of a file written without a break from growing without bound', async () => {
    const walAfterBusyWriting = async (restartAtFrames: number) => {
      const { file, db, insert } = walDb();
      const checkpointer = await startWalCheckpointer([file], pino({ level: 'silent' }), { restartAtFrames });
      // 4,000 commits of a few pages each, with the short pauses a busy server has: never
      // a moment when the checkpoint has copied everything and no commit has come since.
      for (let i = 0; i < 4_000; i++) {
        insert.run();
        if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1));
      }
      await checkpointer.stop();
      const size = statSync(`${file}-wal`).size;
      db.close();
      return size;
    };
    const unbounded = await walAfterBusyWriting(Number.MAX_SAFE_INTEGER);
    const bounded = await walAfterBusyWriting(256);
    expect(bounded).toBeLessThan(unbounded / 2);
  });

  it('fails its caller when a file cannot be opened, instead of retrying in the background', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'cs-ckpt-')), 'missing.sqlite');
    await expect(startWalCheckpointer([missing], pino({ level: 'silent' }))).rejects.toThrow(/the WAL checkpointer could not open .*missing\.sqlite/);
  });
});
