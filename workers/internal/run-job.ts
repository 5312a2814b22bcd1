import { PermanentJobError, type Job, type JobFailure, type JobHandler, type WorkerOptions } from '../job-queue';
import type { QueueLogger } from './queue-logger';

export type JobOutcome = { ok: true } | { ok: false; error: Error; final: boolean };

/**
 * Runs one try of a job and, when it fails, tells `onFailed` before the adapter records the
 * outcome: a crash in between then repeats the try and the report instead of losing it.
 */
export async function runJob<Data>(
  job: Job<Data>,
  handler: JobHandler<Data>,
  options: WorkerOptions,
  logger: QueueLogger,
): Promise<JobOutcome> {
  try {
    await handler(job);
    return { ok: true };
  } catch (thrown) {
    const error = toError(thrown);
    const final = error instanceof PermanentJobError || job.attempt >= job.maxAttempts;
    await reportFailure({ job: job as Job, error, final }, options, logger);
    return { ok: false, error, final };
  }
}

/** Calls `onFailed`; a listener that throws is logged, never allowed to change the job's fate. */
export async function reportFailure(failure: JobFailure, options: WorkerOptions, logger: QueueLogger): Promise<void> {
  if (!options.onFailed) return;
  try {
    await options.onFailed(failure);
  } catch (listenerError) {
    logger.error(
      { err: listenerError, queue: failure.job.queue, jobId: failure.job.id },
      'job queue: the onFailed listener threw',
    );
  }
}

function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(`job handler threw a non-Error value: ${String(thrown)}`);
}
