import { Queue, UnrecoverableError, Worker, type Job as BullMqJob } from 'bullmq';
import { Redis } from 'ioredis';
import { PermanentJobError, type Job, type JobHandler, type JobOptions, type JobQueue, type WorkerOptions } from './job-queue';
import { fromBullMqJobId, toBullMqJobId } from './internal/bullmq-job-id';
import { FINISHED_JOB_RETENTION_COUNT, FINISHED_JOB_RETENTION_MS, resolveJobOptions } from './internal/job-settings';
import { consoleQueueLogger, type QueueLogger } from './internal/queue-logger';
import { runJob } from './internal/run-job';

export interface BullMqJobQueueOptions {
  /** Redis URL (`REDIS_URL`), e.g. `redis://:password@redis:6379/0`. */
  connection: string;
  /** Namespace of every Redis key the queues use (default `countersign`). */
  prefix?: string;
  /** Where connection and listener errors go (default: console). */
  logger?: QueueLogger;
}

const keepFinished = {
  age: Math.round(FINISHED_JOB_RETENTION_MS / 1000),
  count: FINISHED_JOB_RETENTION_COUNT,
};

/**
 * The job queue on BullMQ and Redis, for production: several worker processes share the
 * queues. Finished jobs are kept for 7 days (at most 100 000 per queue and state) so that a
 * re-enqueued job id stays a no-op; close() stops taking jobs and waits for the active ones.
 */
export function createBullMqJobQueue(options: BullMqJobQueueOptions): JobQueue {
  const prefix = options.prefix ?? 'countersign';
  const logger = options.logger ?? consoleQueueLogger;
  const logError = (what: string) => (err: Error) => logger.error({ err }, `job queue (BullMQ): ${what}`);

  const producer = new Redis(options.connection);
  producer.on('error', logError('Redis connection error'));
  // Workers duplicate this client for their blocking connections; it never connects itself.
  const workerTemplate = new Redis(options.connection, { maxRetriesPerRequest: null, lazyConnect: true });
  workerTemplate.on('error', logError('Redis connection error'));

  const queues = new Map<string, Queue>();
  const workers = new Set<Worker>();
  let closed: Promise<void> | undefined;

  function queueFor(name: string): Queue {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: producer, prefix });
      queue.on('error', logError(`queue ${name} error`));
      queues.set(name, queue);
    }
    return queue;
  }

  function assertOpen(): void {
    if (closed) throw new Error('The job queue is closed.');
  }

  return {
    async enqueue<Data>(queue: string, name: string, data: Data, jobOptions: JobOptions): Promise<void> {
      assertOpen();
      const { jobId, attempts, backoffMs, delayMs } = resolveJobOptions(jobOptions);
      await queueFor(queue).add(name, data, {
        jobId: toBullMqJobId(jobId),
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        delay: delayMs,
        removeOnComplete: keepFinished,
        removeOnFail: keepFinished,
      });
    },

    process<Data>(queue: string, handler: JobHandler<Data>, workerOptions: WorkerOptions = {}) {
      assertOpen();
      const worker = new Worker(
        queue,
        async (bullMqJob: BullMqJob) => {
          const outcome = await runJob(toJob<Data>(bullMqJob), handler, workerOptions, logger);
          if (!outcome.ok) throw outcome.error instanceof PermanentJobError ? unrecoverable(outcome.error) : outcome.error;
        },
        { connection: workerTemplate, prefix, concurrency: workerOptions.concurrency ?? 1 },
      );
      worker.on('error', logError(`worker for ${queue} error`));
      workers.add(worker);
      return {
        async close() {
          await worker.close();
          workers.delete(worker);
        },
      };
    },

    async depth(queue: string): Promise<number> {
      return queueFor(queue).getJobCountByTypes('waiting', 'delayed', 'prioritized');
    },

    close(): Promise<void> {
      closed ??= (async () => {
        await Promise.all([...workers].map((worker) => worker.close()));
        await Promise.all([...queues.values()].map((queue) => queue.close()));
        await producer.quit().catch(() => producer.disconnect());
        workerTemplate.disconnect();
      })();
      return closed;
    },
  };
}

function toJob<Data>(bullMqJob: BullMqJob): Job<Data> {
  return {
    id: fromBullMqJobId(bullMqJob.id ?? ''),
    queue: bullMqJob.queueName,
    name: bullMqJob.name,
    data: bullMqJob.data as Data,
    attempt: bullMqJob.attemptsMade + 1,
    maxAttempts: bullMqJob.opts.attempts ?? 1,
  };
}

/** BullMQ stops retrying on UnrecoverableError; the original error stays reachable as `cause`. */
function unrecoverable(error: PermanentJobError): UnrecoverableError {
  const wrapped = new UnrecoverableError(error.message);
  wrapped.cause = error;
  return wrapped;
}
