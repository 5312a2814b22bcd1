import type { Logger } from '../logger';
import { startSupervisedThread } from './supervised-thread';

export interface WalCheckpointer {
  stop(): Promise<void>;
}

const EVERY_MS = 100;
/** 16 MiB of 4 KiB pages: the WAL is started over once it holds this much. */
const RESTART_AT_FRAMES = 4_096;

/**
 * Checkpoints SQLite WAL files from a thread of their own. SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 WAL pages and waits there on two fsyncs, which stalled
 * the event loop for tens of milliseconds and doubled the average cost of a commit. Open the
 * files' own connections with automatic checkpoints off while this runs.
 */
export async function startWalCheckpointer(files: readonly string[], logger: Logger, options: { restartAtFrames?: number } = {}): Promise<WalCheckpointer> {
  // Until a failed thread is back the WAL files only grow; nothing is lost.
  return startSupervisedThread({
    name: 'WAL checkpointer',
    entry: new URL('./internal/wal-checkpoint-thread.ts', import.meta.url),
    workerData: () => ({ files, everyMs: EVERY_MS, restartAtFrames: options.restartAtFrames ?? RESTART_AT_FRAMES }),
    onFailure: (err) => logger.error({ err, files }, 'the WAL checkpointer thread failed'),
  });
}
