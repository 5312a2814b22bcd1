import type { JobQueue } from '../job-queue';
import type { QueueLogger } from './queue-logger';

/** What a contract case gets from `jobQueueContract` for the running test. */
export interface JobQueueContractContext {
  /** The queue opened on this test's storage before the test began. */
  readonly queue: JobQueue;
  /** Opens another queue on the same storage (a restart); closed after the test. */
  open(options?: { logger?: QueueLogger }): JobQueue;
  /** A queue name no other case uses. */
  queueName(): string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `check` until it passes or `timeoutMs` runs out, then throws its last failure. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}
