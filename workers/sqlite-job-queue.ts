import type { Job, JobHandler, JobOptions, JobQueue, WorkerOptions } from './job-queue';
import { FINISHED_JOB_RETENTION_MS, resolveJobOptions, retryDelayMs } from './internal/job-settings';
import { consoleQueueLogger, type QueueLogger } from './internal/queue-logger';
import { reportFailure, runJob } from './internal/run-job';
import { openSqliteJobStore, type SqliteJobStore, type StoredJob } from './internal/sqlite-job-store';

export interface SqliteJobQueueOptions {
  /** Path of the queue's own SQLite file, e.g. `./data/jobs.sqlite`; one process at a time. */
  file: string;
  /** How long finished jobs are kept so their ids stay deduplicated (default 7 days). */
  retentionMs?: number;
  /** Where errors that cannot be thrown go (default: console). */
  logger?: QueueLogger;
}

/** A job started this many times without finishing (the process kept dying) fails for good. */
const MAX_INTERRUPTED_STARTS = 3;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const RETRY_AFTER_STORE_ERROR_MS = 1000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The durable in-process job queue for single-node mode. Jobs live in a SQLite file, so a
 * crash loses none, and a job that was running when the process died runs again on the next
 * start. Workers wake on enqueue and on a timer set for the next due job; nothing polls.
 */
export function createSqliteJobQueue(options: SqliteJobQueueOptions): JobQueue {
  const logger = options.logger ?? consoleQueueLogger;
  const retentionMs = options.retentionMs ?? FINISHED_JOB_RETENTION_MS;
  const store = openSqliteJobStore(options.file);
  store.requeueActive();
  store.pruneFinishedBefore(Date.now() - retentionMs);
  const prune = () => {
    try {
      store.pruneFinishedBefore(Date.now() - retentionMs);
    } catch (err) {
      logger.error({ err }, 'job queue (SQLite): could not prune finished jobs');
    }
  };
  const pruneTimer = setInterval(prune, Math.min(PRUNE_EVERY_MS, Math.max(retentionMs, 1000))).unref();

  const workers = new Map<string, Set<QueueWorker>>();
  let closed: Promise<void> | undefined;

  function assertOpen(): void {
    if (closed) throw new Error('The job queue is closed.');
  }

  return {
    async enqueue<Data>(queue: string, name: string, data: Data, jobOptions: JobOptions): Promise<void> {
      assertOpen();
      if (store.insert(queue, name, data, resolveJobOptions(jobOptions), Date.now())) {
        for (const worker of workers.get(queue) ?? []) worker.wake();
      }
    },

    process<Data>(queue: string, handler: JobHandler<Data>, workerOptions: WorkerOptions = {}) {
      assertOpen();
      const worker = new QueueWorker(queue, handler as JobHandler, workerOptions, store, logger);
      const ofQueue = workers.get(queue) ?? new Set();
      workers.set(queue, ofQueue.add(worker));
      worker.wake();
      return {
        async close() {
          ofQueue.delete(worker);
          await worker.close();
        },
      };
    },

    async depth(queue: string): Promise<number> {
      assertOpen();
      return store.depth(queue);
    },

    close(): Promise<void> {
      closed ??= (async () => {
        clearInterval(pruneTimer);
        await Promise.all([...workers.values()].flatMap((set) => [...set].map((worker) => worker.close())));
        store.close();
      })();
      return closed;
    },
  };
}

/** Runs one queue's jobs with bounded concurrency. */
class QueueWorker {
  private readonly running = new Set<Promise<void>>();
  private readonly concurrency: number;
  private timer: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly queue: string,
    private readonly handler: JobHandler,
    private readonly options: WorkerOptions,
    private readonly store: SqliteJobStore,
    private readonly logger: QueueLogger,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Starts due jobs while slots are free, then sleeps until the next one is due. */
  wake(): void {
    if (this.closing) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    try {
      while (this.running.size < this.concurrency) {
        const row = this.store.claimNext(this.queue, Date.now());
        if (!row) break;
        const run: Promise<void> = this.run(row).finally(() => {
          this.running.delete(run);
          this.wake();
        });
        this.running.add(run);
      }
      if (this.running.size < this.concurrency) {
        const dueAt = this.store.nextDueAt(this.queue);
        if (dueAt !== undefined) this.sleep(dueAt - Date.now());
      }
    } catch (err) {
      this.logger.error({ err, queue: this.queue }, 'job queue (SQLite): could not read the jobs table');
      this.sleep(RETRY_AFTER_STORE_ERROR_MS);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.timer);
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private sleep(ms: number): void {
    this.timer = setTimeout(() => this.wake(), Math.min(Math.max(ms, 0), MAX_TIMER_MS));
  }

  private async run(row: StoredJob): Promise<void> {
    const job: Job = {
      id: row.id,
      queue: row.queue,
      name: row.name,
      data: JSON.parse(row.data),
      attempt: row.attemptsMade + 1,
      maxAttempts: row.maxAttempts,
    };
    try {
      if (row.starts - row.attemptsMade > MAX_INTERRUPTED_STARTS) {
        const error = new Error(`The job was cut short ${MAX_INTERRUPTED_STARTS} times by the process stopping.`);
        await reportFailure({ job, error, final: true }, this.options, this.logger);
        this.store.fail(row.seq, error.message, Date.now());
        return;
      }
      const outcome = await runJob(job, this.handler, this.options, this.logger);
      if (outcome.ok) this.store.complete(row.seq, Date.now());
      else if (outcome.final) this.store.fail(row.seq, outcome.error.message, Date.now());
      else this.store.retry(row.seq, outcome.error.message, Date.now() + retryDelayMs(row.backoffMs, job.attempt));
    } catch (err) {
      this.logger.error({ err, queue: row.queue, jobId: row.id }, 'job queue (SQLite): could not record a job outcome');
    }
  }
}
