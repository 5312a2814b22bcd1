import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** The body of the checkpointer thread (see `wal-checkpointer.ts`). */
const { files, everyMs } = workerData as { files: string[]; everyMs: number; entry: string };
const port = parentPort!;
const dbs = files.map((file) => new Database(file, { fileMustExist: true }));

// PASSIVE copies what it can without waiting for readers or writers; when the WAL holds
// nothing new it returns at once, without an fsync.
const timer = setInterval(() => {
  for (const db of dbs) db.pragma('wal_checkpoint(PASSIVE)');
}, everyMs);

port.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  for (const db of dbs) db.close();
  port.close();
});
port.postMessage('online');
