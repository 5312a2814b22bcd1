/**
 * The projections process of the event-store bench, run in a worker thread: it opens the
 * store file on its own connection (as `npm run start:projections` does in production) and
 * reports each position the read models reach, with the wall-clock time it got there.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSqliteEventStore } from '../api/eventstore/sqlite-event-store';
import { allProjections, createProjectionRunner, openReadModelDb } from '../projections';

const { eventsFile, readFile } = workerData as { eventsFile: string; readFile: string };
// Polls like a separate projections process (api/runtime/open-event-store.ts).
const store = createSqliteEventStore({ file: eventsFile, crossProcessPollMs: 5 });
const runner = createProjectionRunner({ store, db: openReadModelDb(readFile), projections: allProjections });
await runner.start();
runner.onAdvance((position) => parentPort!.postMessage({ position, at: performance.timeOrigin + performance.now() }));
parentPort!.on('message', async (message) => {
  if (message === 'stop') {
    await runner.stop();
    await store.close();
    parentPort!.postMessage('stopped');
  }
});
parentPort!.postMessage('ready');
