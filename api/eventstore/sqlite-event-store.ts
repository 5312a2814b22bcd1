import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  WrongExpectedRevisionError,
  matchesFilter,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
} from './event-store';
import { catchUpSubscription } from './internal/catch-up-subscription';
import { LiveFeed } from './internal/live-feed';
import { createPageReader } from './internal/sqlite-page-reader';
import { StreamCache } from './internal/stream-cache';
import { createWalSync } from './internal/wal-sync';
import { sqliteEventStoreSchema, uuidBytes, uuidString, type EventRow } from './internal/sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Database file; `:memory:` for throwaway tests. */
  file: string;
  /**
   * When another process appends to the same file (api and workers as separate processes
   * on one node), poll for its events at this interval; a poll that finds no commit by
   * another connection costs about a microsecond. Off by default: within a process new events
   * are pushed to subscribers as they commit.
   */
  crossProcessPollMs?: number;
  /** Off when a `WalCheckpointer` thread checkpoints the file instead of the committing call. */
  autoCheckpoint?: boolean;
}

interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
  ackOnCommit: boolean;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/**
 * The embedded event store. Durable and fast through group commit: appends that arrive in
 * the same tick share one `BEGIN IMMEDIATE` transaction, one failed append fails only itself
 * (see `applyBatch`), and an append is acknowledged only once its commit is on disk.
 *
 * When this process alone uses the file, the fsync runs off the event loop (`WalSync`) and
 * subscribers, readers of history and `headPosition` see only events already on disk, so a
 * read model can never get ahead of the store after a power cut. With other processes on
 * the file (`crossProcessPollMs`) they read commits straight from it, so each COMMIT syncs
 * (`synchronous=FULL`).
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): EventStore {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  const asyncSync = options.file !== ':memory:' && !options.crossProcessPollMs;
  db.pragma(asyncSync ? 'synchronous = NORMAL' : 'synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
  // Random event ids scatter index writes; a 64 MiB page cache keeps them off the disk.
  db.pragma('cache_size = -65536');
  db.exec(sqliteEventStoreSchema);
  const walSync = asyncSync ? createWalSync(`${options.file}-wal`) : undefined;

  const insert = db
    .prepare(
      `INSERT INTO events (event_id, stream_no, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .safeIntegers(true);
  const newStream = db.prepare('INSERT INTO streams (stream_id, revision) VALUES (?, -1)');
  const setRevision = db.prepare('UPDATE streams SET revision = ? WHERE stream_no = ?');
  const streamOf = db.prepare('SELECT stream_no, revision FROM streams WHERE stream_id = ?').safeIntegers(true);
  const existing = db
    .prepare('SELECT e.position, s.stream_id, e.revision FROM events e JOIN streams s ON s.stream_no = e.stream_no WHERE e.event_id = ?')
    .safeIntegers(true);
  const columns = 'e.position, e.event_id, s.stream_id, e.revision, e.type, e.data, e.metadata, e.recorded_at';
  const readStreamStmt = db
    .prepare(`SELECT ${columns} FROM events e JOIN streams s ON s.stream_no = e.stream_no WHERE s.stream_id = ? ORDER BY e.revision`)
    .safeIntegers(true);
  const readRows = createPageReader(db);
  const headStmt = db.prepare('SELECT COALESCE(MAX(position), 0) FROM events').pluck().safeIntegers(true);
  /** The last position known to be on disk. */
  let durableHead = headStmt.get() as bigint;

  const feed = new LiveFeed();
  // Another process appending to the file would make cached streams stale.
  const cache = options.crossProcessPollMs ? undefined : new StreamCache(10_000);
  let queue: PendingAppend[] = [];
  let flushScheduled = false;
  let closed = false;

  /** Set once an append has written a row, so a failure after it needs a rollback. */
  let wrote = false;

  const appendOne = (p: PendingAppend, committed: RecordedEvent[]): AppendResult => {
    wrote = false;
    const ids = p.events.map((e) => uuidBytes(e.eventId));
    const prior = existing.get(ids[0]) as { position: bigint; stream_id: string; revision: bigint } | undefined;
    if (prior && prior.stream_id === p.streamId) {
      // A re-sent append (same event ids): succeed without writing, as EventStoreDB does.
      const last = existing.get(ids[ids.length - 1]) as typeof prior | undefined;
      const ref = last ?? prior;
      return { nextRevision: ref.revision, position: ref.position };
    }
    const stream = streamOf.get(p.streamId) as { stream_no: bigint; revision: bigint } | undefined;
    const current = stream && stream.revision >= 0n ? stream.revision : undefined;
    checkExpected(p.streamId, p.expected, current);
    wrote = true;
    const streamNo = stream?.stream_no ?? BigInt(newStream.run(p.streamId).lastInsertRowid);
    let revision = current ?? -1n;
    let position = 0n;
    const recordedAt = new Date().toISOString();
    // Events of one command usually share one metadata object: serialise it once.
    let lastMetadata: unknown;
    let lastMetadataJson = '';
    let storedMetadata: NewEvent['metadata'] = p.events[0]!.metadata;
    for (let i = 0; i < p.events.length; i++) {
      const e = p.events[i]!;
      revision += 1n;
      if (e.metadata !== lastMetadata) {
        lastMetadata = e.metadata;
        lastMetadataJson = JSON.stringify(e.metadata);
        storedMetadata = JSON.parse(lastMetadataJson);
      }
      const dataJson = JSON.stringify(e.data);
      position = insert.run(ids[i], streamNo, revision, e.type, dataJson, lastMetadataJson, recordedAt).lastInsertRowid as bigint;
      // Subscribers and the stream cache get the event exactly as a later read would return it.
      committed.push({ eventId: e.eventId, type: e.type, data: JSON.parse(dataJson), metadata: storedMetadata, streamId: p.streamId, revision, position, recordedAt });
    }
    setRevision.run(revision, streamNo);
    return { nextRevision: revision, position };
  };

  type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

  /**
   * Runs every append of the batch in the open transaction. Fast path (`isolate` false): no
   * savepoints, which would copy each page an append touches; an append refused before it
   * writes (wrong expected revision, bad id) fails alone, and any failure after a write throws
   * `RetryIsolated` so the caller rolls back and runs the batch again with one savepoint per
   * append.
   */
  const applyBatch = (batch: PendingAppend[], committed: RecordedEvent[], isolate: boolean): Outcome[] => {
    const outcomes: Outcome[] = [];
    for (const p of batch) {
      if (isolate) db.exec('SAVEPOINT append');
      const mark = committed.length;
      try {
        outcomes.push({ ok: true, result: appendOne(p, committed) });
        if (isolate) db.exec('RELEASE append');
      } catch (error) {
        if (!isolate && wrote) throw new RetryIsolated();
        if (isolate) {
          db.exec('ROLLBACK TO append');
          db.exec('RELEASE append');
        }
        committed.length = mark;
        cache?.forget(p.streamId);
        outcomes.push({ ok: false, error: translateSqliteError(error, p) });
      }
    }
    return outcomes;
  };

  const flush = () => {
    flushScheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    let committed: RecordedEvent[] = [];
    try {
      db.exec('BEGIN IMMEDIATE');
      try {
        outcomes = applyBatch(batch, committed, false);
      } catch (error) {
        if (!(error instanceof RetryIsolated)) throw error;
        db.exec('ROLLBACK');
        committed = [];
        db.exec('BEGIN IMMEDIATE');
        outcomes = applyBatch(batch, committed, true);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      for (const p of batch) p.reject(error);
      return;
    }
    // The next command on a stream must see this revision now, durable or not: its own
    // append lands later in the WAL, so it cannot reach the disk without this one.
    cache?.committed(committed);
    const answer = (p: PendingAppend, outcome: Outcome) => (outcome.ok ? p.resolve(outcome.result) : p.reject(outcome.error));
    batch.forEach((p, i) => {
      if (p.ackOnCommit) answer(p, outcomes[i]!);
    });
    const settle = (error: Error | null) => {
      if (!error && committed.length > 0) durableHead = committed[committed.length - 1]!.position;
      batch.forEach((p, i) => {
        if (p.ackOnCommit) return;
        if (error) p.reject(error);
        else answer(p, outcomes[i]!);
      });
      if (!error) feed.publish(committed);
    };
    if (walSync) walSync.afterCommit(settle);
    else settle(null);
  };

  const readPage = async (after: bigint, limit: number) => readRows(after, limit, walSync ? durableHead : undefined);

  let poll: NodeJS.Timeout | undefined;
  if (options.crossProcessPollMs) {
    // data_version changes only when another connection commits, and reading it costs about
    // a microsecond, so the poll can run every few ms and query for events only when needed.
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    const POLL_PAGE = 10_000;
    let seen = headStmt.get() as bigint;
    let version = dataVersion.get();
    let more = false;
    poll = setInterval(() => {
      const now = dataVersion.get();
      if (now === version && !more) return;
      version = now;
      const fresh = readRows(seen, POLL_PAGE);
      more = fresh.length === POLL_PAGE;
      if (fresh.length) {
        seen = fresh[fresh.length - 1]!.position;
        feed.publish(fresh);
      }
    }, options.crossProcessPollMs);
    poll.unref();
  }

  return {
    append(streamId, events, expected, options: AppendOptions = {}) {
      if (closed) return Promise.reject(new Error('event store is closed'));
      if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
      return new Promise<AppendResult>((resolve, reject) => {
        queue.push({ streamId, events, expected, ackOnCommit: options.ack === 'committed', resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
    },
    async readStream(streamId) {
      const cached = cache?.get(streamId);
      if (cached) return cached;
      const events = (readStreamStmt.all(streamId) as EventRow[]).map(toRecorded);
      if (events.length > 0) cache?.remember(streamId, events);
      return events;
    },
    async readAll(opts: ReadAllOptions = {}) {
      const limit = opts.limit ?? 1_000;
      const out: RecordedEvent[] = [];
      let after = opts.after ?? 0n;
      while (out.length < limit) {
        const page = await readPage(after, Math.max(limit, 500));
        if (page.length === 0) break;
        for (const e of page) if (matchesFilter(e, opts.filter) && out.length < limit) out.push(e);
        after = page[page.length - 1]!.position;
      }
      return out;
    },
    async headPosition() {
      return walSync ? durableHead : (headStmt.get() as bigint);
    },
    subscribe(opts: SubscribeOptions) {
      return catchUpSubscription({ readPage, listen: (l) => feed.listen(l) }, opts);
    },
    async close() {
      if (closed) return;
      closed = true;
      if (poll) clearInterval(poll);
      flush();
      await walSync?.close();
      db.close();
    },
  };
}

/** Thrown inside the fast path of a flush: redo the batch with one savepoint per append. */
class RetryIsolated extends Error {}

function checkExpected(streamId: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const actual = current ?? 'no_stream';
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

function translateSqliteError(error: unknown, p: PendingAppend): unknown {
  if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new Error(`stream ${p.streamId}: an event id in this append was already used by another append`);
  }
  return error;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: uuidString(row.event_id),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    recordedAt: row.recorded_at,
  };
}
