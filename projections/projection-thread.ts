import type { ReadModelProgress } from '../api/commands';
import { keepSubscribed, type EventStore } from '../api/eventstore';
import { startSupervisedThread, type SupervisedThread } from '../api/runtime/supervised-thread';
import { createReadModelPositions } from './internal/read-model-positions';
import type { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './internal/projection-thread-messages';

export interface ProjectionThread extends ReadModelProgress {
  /** Wall-clock ms between the newest applied event being recorded and it being applied. */
  lastLagMs(): number;
  /** Drops audit rows past each tenant's retention (`pruneAudit`), in the thread. */
  pruneAudit(now: Date): void;
  stop(): Promise<void>;
}

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
  const positions = createReadModelPositions();
  let lagMs = 0;
  let durable = await deps.store.headPosition();
  // One durable position in flight at a time: while the thread projects, newer positions
  // gather into the next message instead of one message (and one wake-up) per commit.
  let requested = durable;
  let inFlight = false;

  let thread: SupervisedThread<ToProjectionThread> | undefined;
  const request = () => {
    if (inFlight || durable <= requested) return;
    requested = durable;
    inFlight = true;
    thread?.post({ type: 'durable', position: requested });
  };

  thread = await startSupervisedThread<ToProjectionThread, FromProjectionThread>({
    name: 'projection',
    entry: new URL('./internal/projection-thread.ts', import.meta.url),
    // A thread started again catches up from its checkpoints to what is durable by then.
    workerData: () => {
      requested = durable;
      inFlight = false;
      return { eventsFile: deps.eventsFile, readModelFile: deps.readModelFile, durableHead: durable } satisfies ProjectionThreadData;
    },
    onMessage: (message) => {
      if (message.type === 'ready') positions.reached(message.position);
      else if (message.type === 'error') deps.onError(Object.assign(new Error(message.message), message.stack ? { stack: message.stack } : {}));
      else {
        lagMs = message.lagMs;
        positions.reached(message.position, new Set(message.eventTypes));
        if (message.position >= requested) {
          inFlight = false;
          request();
        }
      }
    },
    onFailure: deps.onError,
  });

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
    position: positions.position,
    waitFor: positions.waitFor,
    onAdvance: positions.onAdvance,
    lastLagMs: () => lagMs,
    pruneAudit: (now) => thread!.post({ type: 'prune-audit', now: now.toISOString() }),
    async stop() {
      await forward.close();
      await thread!.stop();
      positions.stopped();
    },
  };
}
