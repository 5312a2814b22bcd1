import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger';

export interface WalCheckpointer {
  stop(): Promise<void>;
}

const EVERY_MS = 100;
const RESTART_AFTER_MS = 1_000;
/** 16 MiB of 4 KiB pages: the WAL is started over once it holds this much. */
const RESTART_AT_FRAMES = 4_096;

/**
 * Checkpoints SQLite WAL files from a thread of their own. SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 WAL pages and waits there on two fsyncs, which stalled
 * the event loop for tens of milliseconds and doubled the average cost of a commit. Open the
 * files' own connections with automatic checkpoints off while this runs.
 */
export async function startWalCheckpointer(files: readonly string[], logger: Logger, options: { restartAtFrames?: number } = {}): Promise<WalCheckpointer> {
  let stopping = false;
  let worker: Worker;
  let restart: NodeJS.Timeout | undefined;

  const spawn = () =>
    new Promise<void>((online, failed) => {
      worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
        workerData: { entry: new URL('./internal/wal-checkpoint-thread.ts', import.meta.url).href, files, everyMs: EVERY_MS, restartAtFrames: options.restartAtFrames ?? RESTART_AT_FRAMES },
      });
      let started = false;
      worker.once('message', (message: 'online' | { failed: string }) => {
        if (message !== 'online') return failed(new Error(message.failed));
        started = true;
        online();
      });
      worker.once('error', (err) => {
        failed(err);
        if (started) logger.error({ err, files }, 'the WAL checkpointer thread failed; restarting it');
      });
      worker.once('exit', () => {
        // Until it is back the WAL files only grow; nothing is lost. A thread that never
        // started fails the caller instead (`failed` above).
        if (started && !stopping) restart = setTimeout(() => void spawn().catch(() => {}), RESTART_AFTER_MS);
      });
    });

  await spawn();
  return {
    async stop() {
      stopping = true;
      clearTimeout(restart);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage('stop');
      await exited;
    },
  };
}
