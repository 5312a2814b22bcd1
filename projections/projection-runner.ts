import type Database from 'better-sqlite3';
import { AppError } from '../api/errors';
import type { ReadModelProgress } from '../api/commands';
import { keepSubscribed, type EventStore, type RecordedEvent, type Subscription } from '../api/eventstore';
import type { Projection } from './projection';
import { PositionWaiters } from './internal/position-waiters';

export interface ProjectionRunner extends ReadModelProgress {
  /** Catches up every read model with the store; resolves once they are current. */
  start(): Promise<void>;
  /** Wall-clock ms between the newest applied event being recorded and it being applied. */
  lastLagMs(): number;
  /** Drops every read model and replays the whole store into it. */
  rebuild(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Feeds read models from one catch-up subscription. Each delivered batch is applied in one
 * SQLite transaction together with the checkpoints, so a crash never leaves rows and
 * checkpoint out of step.
 */
export function createProjectionRunner(deps: {
  /** Where the events come from: a store, or a follower of one (`createSqliteFollower`). */
  store: Pick<EventStore, 'subscribe'>;
  db: Database.Database;
  projections: readonly Projection[];
  onError?: (error: Error) => void;
}): ProjectionRunner {
  const { db, projections } = deps;
  const readCheckpoint = db
    .prepare('SELECT version, position FROM projection_checkpoints WHERE name = ?')
    .safeIntegers(true);
  const writeCheckpoint = db.prepare(
    `INSERT INTO projection_checkpoints (name, version, position) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position`,
  );
  // The batch was applied to every read model behind `upTo`; one statement moves all their
  // checkpoints (rows of read models this version no longer has move too, harmlessly).
  const moveCheckpoints = db.prepare('UPDATE projection_checkpoints SET position = ? WHERE position < ?');
  const checkpoints = new Map<string, bigint>();
  const waiters = new PositionWaiters();
  const listeners = new Set<(position: bigint, eventTypes: ReadonlySet<string>) => void>();
  let subscription: Subscription | undefined;
  let lagMs = 0;

  const reset = (p: Projection) => {
    for (const table of p.tables) db.exec(`DROP TABLE IF EXISTS "${table}"`);
    db.exec(p.schema);
    writeCheckpoint.run(p.name, p.version, 0n);
  };

  const prepare = () => {
    db.transaction(() => {
      for (const p of projections) {
        const row = readCheckpoint.get(p.name) as { version: bigint; position: bigint } | undefined;
        if (!row || Number(row.version) !== p.version) reset(p);
        else db.exec(p.schema);
        checkpoints.set(p.name, row && Number(row.version) === p.version ? row.position : 0n);
      }
    })();
  };

  // Which projections take an event type, in their order, worked out once per type: most
  // events concern one or two of the read models, so this skips the rest without a look.
  const takersByType = new Map<string, readonly Projection[]>();
  const takersOf = (type: string) => {
    let takers = takersByType.get(type);
    if (!takers) takersByType.set(type, (takers = projections.filter((p) => !p.eventTypes || p.eventTypes.includes(type))));
    return takers;
  };

  // Run as `.immediate`: the checkpointer thread may hold the write lock for a moment, and only
  // a transaction that asks for it up front waits (busy_timeout); a deferred one that reads
  // first would fail at once with SQLITE_BUSY.
  const applyBatch = db.transaction((events: RecordedEvent[], upTo: bigint) => {
    // Past the highest checkpoint (always, once caught up) no projection has seen the event.
    let highest = 0n;
    for (const position of checkpoints.values()) if (position > highest) highest = position;
    for (const event of events) {
      const fresh = event.position > highest;
      for (const p of takersOf(event.type)) {
        if (fresh || event.position > checkpoints.get(p.name)!) p.apply(db, event);
      }
    }
    moveCheckpoints.run(upTo, upTo);
  });

  const minCheckpoint = () => [...checkpoints.values()].reduce((a, b) => (b < a ? b : a), BigInt(Number.MAX_SAFE_INTEGER));

  const NONE: ReadonlySet<string> = new Set();
  const advance = (upTo: bigint, eventTypes: ReadonlySet<string>) => {
    for (const p of projections) if (checkpoints.get(p.name)! < upTo) checkpoints.set(p.name, upTo);
    waiters.reached(upTo);
    for (const listener of listeners) listener(upTo, eventTypes);
  };

  /**
   * Resolves once caught up. A failure before that (at start or rebuild) rejects; any later
   * failure rolled its batch back with the checkpoints, and the runner resumes from them.
   */
  const subscribe = () =>
    new Promise<void>((resolve, reject) => {
      let ready = false;
      subscription = keepSubscribed((failed) =>
        deps.store.subscribe({
          after: projections.length ? minCheckpoint() : 0n,
          onEvents: (events) => {
            const last = events[events.length - 1]!;
            applyBatch.immediate(events, last.position);
            lagMs = Date.now() - Date.parse(last.recordedAt);
            advance(last.position, new Set(events.map((e) => e.type)));
          },
          onCheckpoint: (position) => {
            if (position > minCheckpoint()) {
              applyBatch.immediate([], position);
              advance(position, NONE);
            }
          },
          onCaughtUp: () => {
            ready = true;
            resolve();
          },
          onError: (error) => {
            deps.onError?.(error);
            if (ready) failed();
            else reject(error);
          },
        }),
      );
    });

  return {
    async start() {
      prepare();
      waiters.reached(minCheckpoint());
      await subscribe();
    },
    waitFor(position, timeoutMs = 5_000) {
      return waiters.wait(position, timeoutMs, () => new AppError('READ_MODEL_TIMEOUT'));
    },
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    position: () => (projections.length ? minCheckpoint() : 0n),
    lastLagMs: () => lagMs,
    async rebuild() {
      await subscription?.close();
      db.transaction(() => projections.forEach(reset))();
      checkpoints.clear();
      waiters.resetTo(0n);
      prepare();
      await subscribe();
    },
    async stop() {
      await subscription?.close();
      waiters.rejectAll(new AppError('READ_MODEL_TIMEOUT', 'the server is shutting down'));
    },
  };
}
