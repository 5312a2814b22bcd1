import { close, fdatasync, openSync } from 'node:fs';

export interface WalSync {
  /** Calls `done` once everything committed before this call is on disk, or with why not. */
  afterCommit(done: (error: Error | null) => void): void;
  /** Waits for syncs in flight, then closes the file. */
  close(): Promise<void>;
}

/**
 * Durable commits without blocking the event loop on fsync. The connection runs WAL with
 * `synchronous=NORMAL`, so COMMIT only writes the WAL; `fdatasync` on the WAL file, run in
 * libuv's thread pool, then makes every commit written before it durable, and only then are
 * appends acknowledged. Commits that arrive while a sync runs share the next one.
 *
 * This needs the WAL file to stay the same file while the connection is open, which holds
 * when one connection owns the database (a checkpoint rewrites the WAL from its start; only
 * the last connection's close deletes it).
 */
export function createWalSync(walFile: string): WalSync {
  const fd = openSync(walFile, 'r');
  let running = false;
  let waiting: ((error: Error | null) => void)[] = [];
  let failure: Error | null = null;
  let idle: (() => void) | null = null;

  const sync = () => {
    running = true;
    const covered = waiting;
    waiting = [];
    fdatasync(fd, (error) => {
      running = false;
      // After a failed fsync the kernel may have dropped the dirty pages: nothing written
      // since can be trusted to be on disk, so every later commit fails too.
      if (error) failure ??= new Error(`the event store could not write to disk (${error.code ?? error.message}); restart Countersign once the disk is healthy`, { cause: error });
      for (const done of covered) done(failure);
      if (waiting.length > 0) sync();
      else idle?.();
    });
  };

  return {
    afterCommit(done) {
      if (failure) return done(failure);
      waiting.push(done);
      if (!running) sync();
    },
    async close() {
      if (running) await new Promise<void>((resolve) => (idle = resolve));
      await new Promise<void>((resolve) => close(fd, () => resolve()));
    },
  };
}
