import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ResolvedJobOptions } from './job-settings';

/** A job row as the SQLite queue reads it back. */
export interface StoredJob {
  seq: number;
  queue: string;
  id: string;
  name: string;
  data: string;
  attemptsMade: number;
  /** Tries started, including ones a process exit cut short. */
  starts: number;
  maxAttempts: number;
  backoffMs: number;
}

const schema = `
CREATE TABLE IF NOT EXISTS jobs (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  queue         TEXT    NOT NULL,
  id            TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  data          TEXT    NOT NULL,
  state         TEXT    NOT NULL CHECK (state IN ('waiting', 'active', 'completed', 'failed')),
  attempts_made INTEGER NOT NULL DEFAULT 0,
  starts        INTEGER NOT NULL DEFAULT 0,
  max_attempts  INTEGER NOT NULL,
  backoff_ms    INTEGER NOT NULL,
  run_at        INTEGER NOT NULL,
  last_error    TEXT,
  enqueued_at   INTEGER NOT NULL,
  finished_at   INTEGER,
  UNIQUE (queue, id)
);
CREATE INDEX IF NOT EXISTS jobs_due ON jobs (queue, state, run_at, seq);
CREATE INDEX IF NOT EXISTS jobs_finished ON jobs (finished_at) WHERE finished_at IS NOT NULL;
`;

const jobColumns = `seq, queue, id, name, data, attempts_made AS attemptsMade, starts,
  max_attempts AS maxAttempts, backoff_ms AS backoffMs`;

export type SqliteJobStore = ReturnType<typeof openSqliteJobStore>;

/**
 * The jobs table of the single-node queue, in a SQLite file of its own. WAL with
 * synchronous=FULL makes every enqueue and outcome durable when the call returns; exclusive
 * locking keeps a second process from opening the file and stealing jobs it thinks are orphaned.
 */
export function openSqliteJobStore(file: string) {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 1000 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(schema);
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(`The job queue file ${file} is already open, in this or another process.`, { cause: error });
    }
    throw error;
  }

  const insert = db.prepare(`INSERT INTO jobs (queue, id, name, data, state, max_attempts, backoff_ms, run_at, enqueued_at)
    VALUES (@queue, @jobId, @name, @data, 'waiting', @attempts, @backoffMs, @runAt, @now)
    ON CONFLICT (queue, id) DO NOTHING`);
  const claim = db.prepare(`UPDATE jobs SET state = 'active', starts = starts + 1
    WHERE seq = (SELECT seq FROM jobs WHERE queue = ? AND state = 'waiting' AND run_at <= ? ORDER BY run_at, seq LIMIT 1)
    RETURNING ${jobColumns}`);
  const nextDue = db.prepare(`SELECT MIN(run_at) AS at FROM jobs WHERE queue = ? AND state = 'waiting'`);
  const finish = db.prepare(`UPDATE jobs SET state = @state, attempts_made = attempts_made + @failed,
    last_error = @error, finished_at = @now WHERE seq = @seq`);
  const retry = db.prepare(`UPDATE jobs SET state = 'waiting', attempts_made = attempts_made + 1,
    last_error = @error, run_at = @runAt WHERE seq = @seq`);
  const depth = db.prepare(`SELECT COUNT(*) AS n FROM jobs WHERE queue = ? AND state = 'waiting'`);
  const requeueActive = db.prepare(`UPDATE jobs SET state = 'waiting' WHERE state = 'active'`);
  const prune = db.prepare(`DELETE FROM jobs WHERE finished_at IS NOT NULL AND finished_at < ?`);

  return {
    /** Returns false when the queue already holds a job with this id. */
    insert(queue: string, name: string, data: unknown, options: ResolvedJobOptions, now: number): boolean {
      const json = JSON.stringify(data) ?? 'null';
      return insert.run({ queue, name, data: json, ...options, runAt: now + options.delayMs, now }).changes === 1;
    },
    claimNext(queue: string, now: number): StoredJob | undefined {
      return claim.get(queue, now) as StoredJob | undefined;
    },
    nextDueAt(queue: string): number | undefined {
      return (nextDue.get(queue) as { at: number | null }).at ?? undefined;
    },
    complete(seq: number, now: number): void {
      finish.run({ seq, state: 'completed', failed: 0, error: null, now });
    },
    fail(seq: number, error: string, now: number): void {
      finish.run({ seq, state: 'failed', failed: 1, error, now });
    },
    retry(seq: number, error: string, runAt: number): void {
      retry.run({ seq, error, runAt });
    },
    depth(queue: string): number {
      return (depth.get(queue) as { n: number }).n;
    },
    /** Puts jobs a dead process left active back in line, in their old place (at-least-once). */
    requeueActive(): number {
      return requeueActive.run().changes;
    },
    pruneFinishedBefore(cutoff: number): number {
      return prune.run(cutoff).changes;
    },
    close(): void {
      db.close();
    },
  };
}
