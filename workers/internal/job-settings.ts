import type { JobOptions } from '../job-queue';

/** Finished jobs are kept this long so a re-enqueued job id stays a no-op (DESIGN: jobId = eventId). */
export const FINISHED_JOB_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Upper bound on finished jobs BullMQ keeps per queue and state. */
export const FINISHED_JOB_RETENTION_COUNT = 100_000;

export interface ResolvedJobOptions {
  jobId: string;
  attempts: number;
  backoffMs: number;
  delayMs: number;
}

/** Applies the port's defaults and rejects options no adapter could honour. */
export function resolveJobOptions(options: JobOptions): ResolvedJobOptions {
  const resolved = {
    jobId: options.jobId,
    attempts: options.attempts ?? 5,
    backoffMs: options.backoffMs ?? 1000,
    delayMs: options.delayMs ?? 0,
  };
  if (typeof resolved.jobId !== 'string' || resolved.jobId.length === 0) {
    throw new TypeError('jobId must be a non-empty string');
  }
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
    throw new RangeError(`attempts must be an integer of at least 1, got ${resolved.attempts}`);
  }
  for (const key of ['backoffMs', 'delayMs'] as const) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) {
      throw new RangeError(`${key} must be a number of at least 0, got ${resolved[key]}`);
    }
  }
  return resolved;
}

/** Delay before try `attempt + 1` after try `attempt` failed: backoffMs, then doubling. */
export function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  return Math.round(backoffMs * 2 ** (failedAttempt - 1));
}
