import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteFollower } from '../../api/eventstore/sqlite-follower';
import { allProjections, createProjectionRunner, openReadModelDb, pruneAudit } from '../index';
import type { ThreadStartMessage } from '../../api/runtime/supervised-thread';
import type { FromProjectionThread, ProjectionThreadData, ToProjectionThread } from './projection-thread-messages';

/** The body of the projection thread (see `projection-thread.ts`). */
const { eventsFile, readModelFile, durableHead } = workerData as ProjectionThreadData;
const port = parentPort!;
const post = (message: FromProjectionThread | ThreadStartMessage) => port.postMessage(message);
const report = (error: unknown) => {
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  post({ type: 'error', message, ...(stack ? { stack } : {}) });
};

try {
  const follower = createSqliteFollower(eventsFile, durableHead);
  // The WAL checkpointer thread of the process checkpoints this file.
  const db = openReadModelDb(readModelFile, { autoCheckpoint: false });
  const runner = createProjectionRunner({ store: follower, db, projections: allProjections, onError: report });
  runner.onAdvance((position, eventTypes) => post({ type: 'advanced', position, lagMs: runner.lastLagMs(), eventTypes: [...(eventTypes ?? [])] }));
  port.on('message', async (message: ToProjectionThread) => {
    if (message.type === 'durable') follower.advanceTo(message.position);
    else if (message.type === 'prune-audit') {
      try {
        pruneAudit(db, new Date(message.now));
      } catch (error) {
        report(error);
      }
    } else {
      await runner.stop();
      follower.close();
      db.close();
      port.close();
    }
  });
  await runner.start();
  post({ type: 'ready', position: runner.position() });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  port.close();
}
