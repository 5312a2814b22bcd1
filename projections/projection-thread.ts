import { Worker } from 'node:worker_threads';
import type { ReadModelProgress } from '../api/commands';
import { AppError } from '../api/errors';
import { keepSubscribed, type EventStore } from '../api/eventstore';
import { PositionWaiters } from './internal/position-waiters';
import type { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './internal/projection-thread-messages';

export interface ProjectionThread extends ReadModelProgress {
  /** Wall-clock ms between the newest applied event being recorded and it being applied. */
  lastLagMs(): number;
  /** Drops audit rows past each tenant's retention (`pruneAudit`), in the thread. */
  pruneAudit(now: Date): void;
  stop(): Promise<void>;
}

const RESTART_AFTER_MS = 1_000;
const STOP_WAIT_MS = 10_000;

/**
 * Runs the read models of a single-process node in a thread of their own, on their own
 * connections to the store file and the read-model file. Projecting every event (the audit
 * history, the push challenges, …) was a sixth of the event loop's work during sign-ins; in
 * the thread it runs beside it, on the second core.
 *
 * The main thread reports each durable position of the store (`durable`); the thread
 * projects up to it and reports back (`advanced`), which feeds `waitFor` and `onAdvance` as
 * an in-thread runner would. A thread that dies is started again a second later from its
 * checkpoints; until then writes that wait for their read model time out.
 */
export async function startProjectionThread(deps: {
  store: EventStore;
  eventsFile: string;
  readModelFile: string;
  onError: (error: Error) => void;
}): Promise<ProjectionThread> {
  const waiters = new PositionWaiters();
  const listeners = new Set<(position: bigint, eventTypes?: ReadonlySet<string>) => void>();
  let position = 0n;
  let lagMs = 0;
  let durable = await deps.store.headPosition();
  let worker: Worker | undefined;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  const post = (message: ToProjectionThread) => worker?.postMessage(message);
  // One durable position in flight at a time: while the thread projects, newer positions
  // gather into the next message instead of one message (and one wake-up) per commit.
  let requested = durable;
  let inFlight = false;
  const request = () => {
    if (inFlight || durable <= requested) return;
    requested = durable;
    inFlight = true;
    post({ type: 'durable', position: requested });
  };

  const advance = (to: bigint, eventTypes?: ReadonlySet<string>) => {
    if (to <= position) return;
    position = to;
    waiters.reached(to);
    for (const listener of listeners) listener(to, eventTypes);
  };

  const spawn = () =>
    new Promise<void>((ready, failed) => {
      const workerData: ProjectionThreadData = {
        entry: new URL('./internal/projection-thread.ts', import.meta.url).href,
        eventsFile: deps.eventsFile,
        readModelFile: deps.readModelFile,
        durableHead: durable,
      };
      requested = durable;
      inFlight = false;
      const thread = new Worker(new URL('../api/runtime/ts-worker.mjs', import.meta.url), { workerData });
      worker = thread;
      let started = false;
      thread.on('message', (message: FromProjectionThread) => {
        if (message.type === 'advanced') {
          lagMs = message.lagMs;
          advance(message.position, new Set(message.eventTypes));
          if (message.position >= requested) {
            inFlight = false;
            request();
          }
        } else if (message.type === 'ready') {
          started = true;
          advance(message.position);
          ready();
        } else if (message.type === 'error') {
          const error = Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {});
          if (message.fatal && !started) failed(error);
          else deps.onError(error);
        }
      });
      thread.once('error', (error) => (started ? deps.onError(error) : failed(error)));
      thread.once('exit', () => {
        if (worker === thread) worker = undefined;
        if (!started) return failed(new Error('the projection thread stopped before it caught up with the event store'));
        if (stopping) return;
        deps.onError(new Error('the projection thread stopped; starting it again'));
        restart = setTimeout(() => void spawn().catch(deps.onError), RESTART_AFTER_MS);
      });
    });

  await spawn();
  // Durable positions, as the store's own subscribers see them (only events on disk).
  const forward = keepSubscribed((failed) =>
    deps.store.subscribe({
      after: durable,
      onEvents: () => {},
      onCheckpoint: (reached) => {
        durable = reached;
        request();
      },
      onError: (error) => {
        deps.onError(error);
        failed();
      },
    }),
  );

  return {
    position: () => position,
    waitFor: (target, timeoutMs = 5_000) => waiters.wait(target, timeoutMs, () => new AppError('READ_MODEL_TIMEOUT')),
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    lastLagMs: () => lagMs,
    pruneAudit: (now) => post({ type: 'prune-audit', now: now.toISOString() }),
    async stop() {
      stopping = true;
      clearTimeout(restart);
      await forward.close();
      const thread = worker;
      if (thread) {
        const exited = new Promise((resolve) => thread.once('exit', resolve));
        post({ type: 'stop' });
        const stuck = setTimeout(() => void thread.terminate(), STOP_WAIT_MS);
        await exited;
        clearTimeout(stuck);
      }
      waiters.rejectAll(new AppError('READ_MODEL_TIMEOUT', 'the server is shutting down'));
    },
  };
}
