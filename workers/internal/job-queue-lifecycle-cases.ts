import { expect, it } from 'vitest';
import { eventually, sleep, type JobQueueContractContext } from './job-queue-contract-context';

/** Contract cases on a queue's life: restart, closing with jobs active, concurrency. */
export function jobQueueLifecycleCases(ctx: JobQueueContractContext): void {
  it('keeps jobs enqueued before any worker runs, across a restart', async () => {
    const q = ctx.queue;
    const queue = ctx.queueName();
    await q.enqueue(queue, 'n', { n: 1 }, { jobId: 'a' });
    await q.enqueue(queue, 'n', { n: 2 }, { jobId: 'b' });
    await q.close();

    const restarted = ctx.open();
    const ids: string[] = [];
    restarted.process(queue, async (job) => void ids.push(job.id));
    await eventually(() => expect(ids.sort()).toEqual(['a', 'b']));
  });

  it("waits for the active job when a worker's handle is closed", async () => {
    const q = ctx.queue;
    const queue = ctx.queueName();
    let started = false;
    let finished = false;
    const handle = q.process(queue, async () => {
      started = true;
      await sleep(400);
      finished = true;
    });
    await q.enqueue(queue, 'n', {}, { jobId: 'slow' });
    await eventually(() => expect(started).toBe(true));
    await handle.close();
    expect(finished).toBe(true);
  });

  it('waits for active jobs when the queue is closed, then refuses new jobs', async () => {
    const q = ctx.queue;
    const queue = ctx.queueName();
    let finished = 0;
    q.process(
      queue,
      async () => {
        await sleep(300);
        finished++;
      },
      { concurrency: 2 },
    );
    await q.enqueue(queue, 'n', {}, { jobId: 'a' });
    await q.enqueue(queue, 'n', {}, { jobId: 'b' });
    await eventually(async () => expect(await q.depth(queue)).toBe(0));
    await q.close();
    expect(finished).toBe(2);
    await expect(q.enqueue(queue, 'n', {}, { jobId: 'c' })).rejects.toThrow();
  });

  it('runs up to `concurrency` jobs at the same time, one by default', async () => {
    const q = ctx.queue;
    const observe = async (concurrency: number | undefined) => {
      const queue = ctx.queueName();
      let inFlight = 0;
      let maxInFlight = 0;
      let done = 0;
      q.process(
        queue,
        async () => {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          await sleep(150);
          inFlight--;
          done++;
        },
        { concurrency },
      );
      for (let i = 0; i < 6; i++) await q.enqueue(queue, 'n', {}, { jobId: `j${i}` });
      await eventually(() => expect(done).toBe(6));
      return maxInFlight;
    };
    expect(await observe(3)).toBe(3);
    expect(await observe(undefined)).toBe(1);
  });
}
