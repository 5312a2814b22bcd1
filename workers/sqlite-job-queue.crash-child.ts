/**
 * Test fixture for `sqlite-job-queue.int.test.ts`: a worker process that the test SIGKILLs
 * mid-job. Usage:
 * `node --import tsx sqlite-job-queue.crash-child.ts <queue file> <effects dir> [job ids to enqueue, comma-separated]`.
 * It enqueues the given job ids, performs the idempotent effect of the first job it takes,
 * prints STARTED and then hangs until killed.
 */
import { createSqliteJobQueue } from './sqlite-job-queue';
import { performEffect } from './sqlite-job-queue.crash-effect';

const [file, effectsDir, toEnqueue = ''] = process.argv.slice(2);
if (!file || !effectsDir) throw new Error('usage: crash-child <queue file> <effects dir>');

const queue = createSqliteJobQueue({ file });
for (const jobId of toEnqueue.split(',').filter(Boolean)) {
  await queue.enqueue('effects', 'effect', { jobId }, { jobId });
}
queue.process('effects', async (job) => {
  performEffect(effectsDir, 'child', job.id);
  process.stdout.write(`STARTED ${job.id}\n`);
  await new Promise(() => {});
});
