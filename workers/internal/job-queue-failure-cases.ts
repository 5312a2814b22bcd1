import { expect, it } from 'vitest';
import { PermanentJobError, type JobFailure } from '../job-queue';
import { eventually, sleep, type JobQueueContractContext } from './job-queue-contract-context';

/** Contract cases on failed tries: backoff, final failure, PermanentJobError, onFailed. */
export function jobQueueFailureCases(ctx: JobQueueContractContext): void {
  it('retries with exponential backoff, reporting each failure and marking the last final', async () => {
    const q = ctx.queue;
    const queue = ctx.queueName();
    const startedAt: number[] = [];
    const failures: JobFailure[] = [];
    q.process(
      queue,
      async (job) => {
        startedAt.push(Date.now());
        throw new Error(`smtp down (try ${job.attempt})`);
      },
      { onFailed: (failure) => void failures.push(failure) },
    );
    await q.enqueue(queue, 'n', {}, { jobId: 'j', attempts: 3, backoffMs: 150 });

    await eventually(() => expect(failures).toHaveLength(3));
    expect(failures.map((f) => [f.job.attempt, f.job.maxAttempts, f.final, f.error.message])).toEqual([
      [1, 3, false, 'smtp down (try 1)'],
      [2, 3, false, 'smtp down (try 2)'],
      [3, 3, true, 'smtp down (try 3)'],
    ]);
    const [firstGap, secondGap] = [startedAt[1]! - startedAt[0]!, startedAt[2]! - startedAt[1]!];
    expect(firstGap).toBeGreaterThanOrEqual(145);
    expect(secondGap).toBeGreaterThanOrEqual(295);
    await sleep(700);
    expect(startedAt).toHaveLength(3);
    expect(await q.depth(queue)).toBe(0);
  });

  it('reports only the failed tries of a job that succeeds on a retry', async () => {
    const q = ctx.queue;
    const queue = ctx.queueName();
    const failures: JobFailure[] = [];
    let completed = 0;
    q.process(
      queue,
      async (job) => {
        if (job.attempt < 2) throw new Error('greylisted');
        completed++;
      },
      { onFailed: (failure) => void failures.push(failure) },
    );
    await q.enqueue(queue, 'n', {}, { jobId: 'j', backoffMs: 50 });
    await eventually(() => expect(completed).toBe(1));
    expect(failures.map((f) => [f.job.attempt, f.final])).toEqual([[1, false]]);
  });

  it('stops retrying at once on a PermanentJobError and reports it as final', async () => {
    const q = ctx.queue;
    const queue = ctx.queueName();
    const failures: JobFailure[] = [];
    let runs = 0;
    q.process(
      queue,
      async () => {
        runs++;
        throw new PermanentJobError('mailbox does not exist');
      },
      { onFailed: (failure) => void failures.push(failure) },
    );
    await q.enqueue(queue, 'n', {}, { jobId: 'j', attempts: 5, backoffMs: 50 });
    await eventually(() => expect(failures).toHaveLength(1));
    expect(failures[0]!.final).toBe(true);
    expect(failures[0]!.error).toBeInstanceOf(PermanentJobError);
    expect(failures[0]!.error.message).toBe('mailbox does not exist');
    await sleep(400);
    expect(runs).toBe(1);
  });

  it('keeps going when an onFailed listener throws, and logs it', async () => {
    const q = ctx.queue;
    const logged: string[] = [];
    const queue = ctx.queueName();
    await q.close();
    const own = ctx.open({ logger: { error: (_details, message) => void logged.push(message) } });
    let completed = false;
    own.process(
      queue,
      async (job) => {
        if (job.attempt === 1) throw new Error('first try fails');
        completed = true;
      },
      {
        onFailed: () => {
          throw new Error('listener bug');
        },
      },
    );
    await own.enqueue(queue, 'n', {}, { jobId: 'j', backoffMs: 20 });
    await eventually(() => expect(completed).toBe(true));
    expect(logged.some((message) => message.includes('onFailed'))).toBe(true);
  });
}
