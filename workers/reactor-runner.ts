import type Database from 'better-sqlite3';
import { keepSubscribed, type EventStore, type Subscription } from '../api/eventstore';
import type { JobQueue } from './job-queue';
import type { Reactor } from './reactor';

/** How long a checkpoint that only skips unconcerned events may stay unwritten. */
const LAZY_CHECKPOINT_MS = 1_000;

/**
 * Runs reactors from a catch-up subscription: for each batch it enqueues every job, then
 * moves the checkpoint. A crash between the two replays the batch, and the job ids (derived
 * from the event id) make the replay a no-op in the queue.
 */
export function createReactorRunner(deps: { store: EventStore; db: Database.Database; queue: JobQueue; reactors: readonly Reactor[]; onError?: (e: Error) => void }) {
  deps.db.exec('CREATE TABLE IF NOT EXISTS reactor_checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID');
  const read = deps.db.prepare('SELECT position FROM reactor_checkpoints WHERE name = ?').pluck().safeIntegers(true);
  const write = deps.db.prepare(
    'INSERT INTO reactor_checkpoints (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position',
  );
  const subscriptions: Subscription[] = [];
  const enqueued = new Set<string>();
  const latest = new Map<string, bigint>();
  const written = new Map<string, number>();
  const save = (name: string) => {
    const position = latest.get(name);
    if (position === undefined) return;
    write.run(name, position);
    written.set(name, Date.now());
  };

  const startOne = (reactor: Reactor) =>
    new Promise<void>((resolve) => {
      subscriptions.push(keepSubscribed((failed) =>
        deps.store.subscribe({
          // After a failure, from the last batch handled in full (its jobs are queued).
          after: latest.get(reactor.name) ?? (read.get(reactor.name) as bigint | undefined) ?? 0n,
          filter: { eventTypes: reactor.eventTypes },
          onEvents: async (events) => {
            for (const event of events) {
              const jobs = reactor.react(event);
              if (jobs.length > 0) enqueued.add(reactor.name);
              // Keyed jobs are named by their key; the others keep their place number among themselves.
              const unkeyed = jobs.filter((job) => job.key === undefined);
              await Promise.all(
                jobs.map((job) =>
                  deps.queue.enqueue(job.queue, job.name, job.data, {
                    ...job.options,
                    jobId: job.key !== undefined
                      ? `${reactor.name}:${event.eventId}:${job.key}`
                      : `${reactor.name}:${event.eventId}${unkeyed.length > 1 ? `:${unkeyed.indexOf(job)}` : ''}`,
                  }),
                ),
              );
            }
          },
          onCheckpoint: (position) => {
            latest.set(reactor.name, position);
            // A batch that queued nothing can be replayed for free, so its checkpoint may
            // wait: most events concern no reactor, and a commit per batch per reactor was a
            // good part of the cost of every sign-in.
            if (enqueued.delete(reactor.name) || Date.now() - (written.get(reactor.name) ?? 0) >= LAZY_CHECKPOINT_MS) save(reactor.name);
          },
          onCaughtUp: () => resolve(),
          onError: (error) => {
            deps.onError?.(error);
            failed();
          },
        }),
      ));
    });

  return {
    async start() {
      await Promise.all(deps.reactors.map(startOne));
    },
    async stop() {
      await Promise.all(subscriptions.map((s) => s.close()));
      for (const reactor of deps.reactors) save(reactor.name);
    },
  };
}
