/**
 * The job-queue port. Adapters: BullMQ on Redis (when REDIS_URL is set) and a durable
 * in-process queue backed by SQLite (single-node default). Both pass `job-queue.contract.ts`.
 *
 * Delivery is at-least-once: a handler may run again after a crash, so handlers make their
 * effect idempotent (e.g. by the job id). Enqueueing a job id that the queue already holds
 * (waiting, active, completed or failed and not yet pruned) is a no-op: reactors use the
 * event id as job id so a replayed event does not duplicate work.
 */

export interface JobOptions {
  /** Deduplication key; reactors pass the id of the event that caused the job. */
  jobId: string;
  /** Total tries including the first (default 5). */
  attempts?: number;
  /** First retry delay in ms; doubles each retry (default 1000). */
  backoffMs?: number;
  /** Earliest start, ms from now (default 0). */
  delayMs?: number;
}

export interface Job<Data = unknown> {
  id: string;
  queue: string;
  name: string;
  data: Data;
  /** 1 for the first try. */
  attempt: number;
  maxAttempts: number;
}

/** Thrown by a handler for a failure that retrying cannot fix (bad address, ...). */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export type JobHandler<Data = unknown> = (job: Job<Data>) => Promise<void>;

export interface JobFailure {
  job: Job;
  error: Error;
  /** True when no further try will be made. */
  final: boolean;
}

export interface WorkerOptions {
  concurrency?: number;
  /** Told about every failed try; `final` marks the last one. */
  onFailed?: (failure: JobFailure) => void | Promise<void>;
}

export interface JobQueue {
  enqueue<Data>(queue: string, name: string, data: Data, options: JobOptions): Promise<void>;
  /** Starts processing a queue; returns a handle whose close() waits for active jobs. */
  process<Data>(queue: string, handler: JobHandler<Data>, options?: WorkerOptions): { close(): Promise<void> };
  /** Jobs waiting or delayed (for /metrics). */
  depth(queue: string): Promise<number>;
  close(): Promise<void>;
}
