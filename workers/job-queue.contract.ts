import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job, JobQueue } from './job-queue';
import { eventually, sleep, type JobQueueContractContext } from './internal/job-queue-contract-context';
import { jobQueueFailureCases } from './internal/job-queue-failure-cases';
import { jobQueueLifecycleCases } from './internal/job-queue-lifecycle-cases';
import type { QueueLogger } from './internal/queue-logger';

/** Storage for one test; `open()` again on the same storage is a process restart. */
export interface JobQueueTestStore {
  open(options?: { logger?: QueueLogger }): JobQueue;
  cleanup(): Promise<void>;
}

/**
 * The one behaviour every job-queue adapter must show (CONVENTIONS rule 5): delivery, dedup
 * by job id, delay and depth here; retries and failures, restart, close and concurrency in
 * the case files it includes. `newStore` gives each test fresh, isolated storage.
 */
export function jobQueueContract(adapter: string, newStore: () => Promise<JobQueueTestStore>): void {
  describe(`${adapter} job queue contract`, () => {
    let store: JobQueueTestStore;
    let opened: JobQueue[];
    let q: JobQueue;
    let queueSeq = 0;
    const queueName = () => `contract-${++queueSeq}`;
    const open = (options?: { logger?: QueueLogger }) => {
      const queue = store.open(options);
      opened.push(queue);
      return queue;
    };
    const context: JobQueueContractContext = {
      get queue() {
        return q;
      },
      open,
      queueName,
    };

    beforeEach(async () => {
      store = await newStore();
      opened = [];
      q = open();
    });

    afterEach(async () => {
      await Promise.all(opened.map((queue) => queue.close()));
      await store.cleanup();
    });

    it('runs an enqueued job once, with its id, queue, name and data', async () => {
      const queue = queueName();
      const seen: Job[] = [];
      q.process(queue, async (job) => void seen.push(job));
      const data = { tenantId: 't1', to: 'zoë@example.org', nested: { n: [1, 2] } };
      await q.enqueue(queue, 'send-token-pack', data, { jobId: 'evt-1' });

      await eventually(() => expect(seen).toHaveLength(1));
      expect(seen[0]).toEqual({ id: 'evt-1', queue, name: 'send-token-pack', data, attempt: 1, maxAttempts: 5 });
      await sleep(200);
      expect(seen).toHaveLength(1);
    });
    it('ignores a job id the queue holds, whether waiting, completed or failed', async () => {
      const queue = queueName();
      await q.enqueue(queue, 'n', { v: 'first' }, { jobId: 'evt-ok' });
      await q.enqueue(queue, 'n', { v: 'second' }, { jobId: 'evt-ok' });
      await q.enqueue(queue, 'n', {}, { jobId: 'evt-bad', attempts: 1 });
      expect(await q.depth(queue)).toBe(2);

      const runs: string[] = [];
      q.process<{ v?: string }>(queue, async (job) => {
        runs.push(`${job.id}:${job.data.v ?? ''}`);
        if (job.id === 'evt-bad') throw new Error('cannot');
      });
      await eventually(() => expect(runs.sort()).toEqual(['evt-bad:', 'evt-ok:first']));

      await q.enqueue(queue, 'n', { v: 'again' }, { jobId: 'evt-ok' });
      await q.enqueue(queue, 'n', {}, { jobId: 'evt-bad' });
      await sleep(300);
      expect(runs).toHaveLength(2);
      expect(await q.depth(queue)).toBe(0);
    });
    it('treats the same id in another queue as another job', async () => {
      const [first, second] = [queueName(), queueName()];
      const runs: string[] = [];
      q.process(first, async (job) => void runs.push(job.queue));
      q.process(second, async (job) => void runs.push(job.queue));
      await q.enqueue(first, 'n', {}, { jobId: 'same' });
      await q.enqueue(second, 'n', {}, { jobId: 'same' });
      await eventually(() => expect(runs.sort()).toEqual([first, second].sort()));
    });
    it('takes any non-empty string as a job id and hands it back unchanged', async () => {
      const queue = queueName();
      const ids = ['42', 'tenant:t1:evt:9', '%3A', '%I7', 'ünïcødé id/with spaces'];
      const seen: string[] = [];
      q.process(queue, async (job) => void seen.push(job.id));
      for (const jobId of ids) await q.enqueue(queue, 'n', {}, { jobId });
      for (const jobId of ids) await q.enqueue(queue, 'n', {}, { jobId });
      await eventually(() => expect(seen.sort()).toEqual([...ids].sort()));
      await sleep(200);
      expect(seen).toHaveLength(ids.length);
      await expect(q.enqueue(queue, 'n', {}, { jobId: '' })).rejects.toThrow(/jobId/);
    });
    it('does not start a delayed job before its delay, and counts it in depth meanwhile', async () => {
      const queue = queueName();
      let startedAt = 0;
      q.process(queue, async () => void (startedAt = Date.now()));
      const enqueuedAt = Date.now();
      await q.enqueue(queue, 'n', {}, { jobId: 'later', delayMs: 500 });
      expect(await q.depth(queue)).toBe(1);
      await eventually(() => expect(startedAt).toBeGreaterThan(0));
      expect(startedAt - enqueuedAt).toBeGreaterThanOrEqual(495);
      expect(await q.depth(queue)).toBe(0);
    });
    it('counts waiting and delayed jobs per queue in depth', async () => {
      const [mail, push] = [queueName(), queueName()];
      await q.enqueue(mail, 'n', {}, { jobId: 'm1' });
      await q.enqueue(mail, 'n', {}, { jobId: 'm2' });
      await q.enqueue(mail, 'n', {}, { jobId: 'm3', delayMs: 60_000 });
      await q.enqueue(push, 'n', {}, { jobId: 'p1' });
      expect(await q.depth(mail)).toBe(3);
      expect(await q.depth(push)).toBe(1);
      expect(await q.depth(queueName())).toBe(0);

      q.process(mail, async () => {});
      await eventually(async () => expect(await q.depth(mail)).toBe(1));
      expect(await q.depth(push)).toBe(1);
    });

    jobQueueFailureCases(context);
    jobQueueLifecycleCases(context);
  });
}
