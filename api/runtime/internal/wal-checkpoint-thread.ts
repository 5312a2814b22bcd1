import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { STOP_THREAD, ThreadStartMessage } from '../supervised-thread';

/** The body of the checkpointer thread (see `wal-checkpointer.ts`). */
const { files, everyMs, restartAtFrames } = workerData as { files: string[]; everyMs: number; restartAtFrames: number; entry: string };
const port = parentPort!;
let dbs: Database.Database[];
try {
  dbs = files.map((file) => {
    try {
      const db = new Database(file, { fileMustExist: true });
      // How long a RESTART may wait for the writer to finish its transaction.
      db.pragma('busy_timeout = 200');
      return db;
    } catch (error) {
      throw new Error(`the WAL checkpointer could not open ${file}: ${(error as Error).message}`);
    }
  });
} catch (error) {
  // An error thrown here reaches the parent without its message: send the message instead.
  port.postMessage({ type: 'failed', message: (error as Error).message } satisfies ThreadStartMessage);
  port.close();
  process.exit(1);
}

const timer = setInterval(() => {
  for (const db of dbs) {
    // PASSIVE copies what it can without waiting for readers or writers, and returns at once
    // when there is nothing new. It never lets the WAL start over, though: that needs a
    // moment when every frame is copied and no commit has come since, which a busy writer
    // never leaves. So past `restartAtFrames` a RESTART holds writers back for the last few
    // frames and two fsyncs, and the next commit writes the WAL from its start again.
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    if (log >= restartAtFrames) db.pragma('wal_checkpoint(RESTART)');
  }
}, everyMs);

port.on('message', (message: typeof STOP_THREAD) => {
  if (message.type !== 'stop') return;
  clearInterval(timer);
  for (const db of dbs) db.close();
  port.close();
});
port.postMessage({ type: 'ready' } satisfies ThreadStartMessage);
