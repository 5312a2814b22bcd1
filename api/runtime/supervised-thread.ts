import { Worker } from 'node:worker_threads';

const RESTART_AFTER_MS = 1_000;
const STOP_WAIT_MS = 10_000;

/** What a supervised thread posts once when it starts: ready for work, or why it could not start. */
export type ThreadStartMessage = { type: 'ready' } | { type: 'failed'; message: string };

/** What a supervised thread is told when it should finish: close what it holds and exit. */
export const STOP_THREAD = { type: 'stop' } as const;

export interface SupervisedThread<In> {
  /** Posts to the thread; dropped while it is being started again. */
  post(message: In): void;
  /** Asks the thread to stop and waits for it to exit (terminated after 10 s). */
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript module (`entry`) in a worker thread and keeps it running. Resolves once the
 * thread posts `{ type: 'ready' }` and rejects if it fails first (`{ type: 'failed' }`, an
 * error, or an exit), so a start-up problem stops the caller with its message. A thread that
 * dies later is started again a second later, with `workerData()` asked anew; `onFailure`
 * hears about it. Every message, `ready` included, reaches `onMessage`.
 */
export async function startSupervisedThread<In, Out extends { type: string }>(options: {
  /** Names the thread in errors ("the WAL checkpointer thread stopped …"). */
  name: string;
  entry: URL;
  workerData: () => Record<string, unknown>;
  onMessage?: (message: Out) => void;
  onFailure: (error: Error) => void;
}): Promise<SupervisedThread<In>> {
  let worker: Worker | undefined;
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;

  const spawn = () =>
    new Promise<void>((ready, failed) => {
      const thread = new Worker(new URL('./ts-worker.mjs', import.meta.url), { workerData: { ...options.workerData(), entry: options.entry.href } });
      worker = thread;
      let started = false;
      thread.on('message', (message: Out | ThreadStartMessage) => {
        if (!started && message.type === 'failed') return failed(new Error((message as { message: string }).message));
        if (message.type === 'ready') {
          started = true;
          ready();
        }
        options.onMessage?.(message as Out);
      });
      thread.once('error', (error) => (started ? options.onFailure(error) : failed(error)));
      thread.once('exit', () => {
        if (worker === thread) worker = undefined;
        if (!started) return failed(new Error(`the ${options.name} thread stopped before it was ready`));
        if (stopping) return;
        options.onFailure(new Error(`the ${options.name} thread stopped; starting it again`));
        restart = setTimeout(() => void spawn().catch(options.onFailure), RESTART_AFTER_MS);
      });
    });

  await spawn();
  return {
    post: (message) => worker?.postMessage(message),
    async stop() {
      stopping = true;
      clearTimeout(restart);
      const thread = worker;
      if (!thread) return;
      const exited = new Promise((resolve) => thread.once('exit', resolve));
      thread.postMessage(STOP_THREAD);
      const stuck = setTimeout(() => void thread.terminate(), STOP_WAIT_MS);
      await exited;
      clearTimeout(stuck);
    },
  };
}
