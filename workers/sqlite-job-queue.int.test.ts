import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobFailure, JobQueue } from './job-queue';
import { jobQueueContract } from './job-queue.contract';
import { createSqliteJobQueue } from './sqlite-job-queue';
import { performEffect } from './sqlite-job-queue.crash-effect';

jobQueueContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'countersign-jobs-'));
  const file = join(dir, 'jobs.sqlite');
  return {
    open: (options) => createSqliteJobQueue({ file, ...options }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

const crashChild = fileURLToPath(new URL('./sqlite-job-queue.crash-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** Starts a worker process, waits until it is inside a job, and SIGKILLs it there. */
async function crashMidJob(file: string, effectsDir: string, toEnqueue: string[] = []): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', crashChild, file, effectsDir, toEnqueue.join(',')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const started = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the crash child never started a job')), 20_000);
    child.once('exit', () => reject(new Error('the crash child exited before starting a job')));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('STARTED ')) {
        clearTimeout(timer);
        resolve(line.slice('STARTED '.length));
      }
    });
  });
  child.kill('SIGKILL');
  await exited;
  return started;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite job queue, single-node specifics', () => {
  let dir: string;
  let file: string;
  let effectsDir: string;
  let queue: JobQueue | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'countersign-jobs-'));
    file = join(dir, 'jobs.sqlite');
    effectsDir = await mkdtemp(join(dir, 'effects-'));
  });

  afterEach(async () => {
    await queue?.close();
    queue = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  const runs = async () => (await readFile(join(effectsDir, 'runs.log'), 'utf8')).trim().split('\n');

  it('runs a job again after the process was killed mid-job, and loses no waiting job', async () => {
    expect(await crashMidJob(file, effectsDir, ['evt-a', 'evt-b'])).toBe('evt-a');
    expect(await runs()).toEqual(['child evt-a']);

    queue = createSqliteJobQueue({ file });
    await queue.enqueue('effects', 'effect', {}, { jobId: 'evt-a' });
    const attempts: string[] = [];
    queue.process('effects', async (job) => {
      attempts.push(`${job.id}#${job.attempt}`);
      performEffect(effectsDir, 'restarted', job.id);
    });
    await expect.poll(() => attempts.length).toBe(2);
    expect(attempts).toEqual(['evt-a#1', 'evt-b#1']);
    expect(await runs()).toEqual(['child evt-a', 'restarted evt-a', 'restarted evt-b']);
    expect((await readdir(effectsDir)).filter((name) => name.startsWith('effect-')).sort()).toEqual([
      'effect-evt-a',
      'effect-evt-b',
    ]);
    expect(await readFile(join(effectsDir, 'effect-evt-a'), 'utf8')).toBe('done by child\n');
    await queue.close();

    queue = createSqliteJobQueue({ file });
    queue.process('effects', async (job) => void attempts.push(job.id));
    await queue.enqueue('effects', 'effect', {}, { jobId: 'evt-a' });
    await queue.enqueue('effects', 'effect', {}, { jobId: 'evt-b' });
    await sleep(200);
    expect(attempts).toHaveLength(2);
  }, 60_000);

  it('fails a job for good once the process died in it three times, and reports it', async () => {
    for (let crash = 0; crash < 3; crash++) {
      expect(await crashMidJob(file, effectsDir, crash === 0 ? ['poison'] : [])).toBe('poison');
    }
    queue = createSqliteJobQueue({ file });
    const failures: JobFailure[] = [];
    let ran = false;
    queue.process('effects', async () => void (ran = true), { onFailed: (failure) => void failures.push(failure) });
    await expect.poll(() => failures.length).toBe(1);
    expect(failures[0]).toMatchObject({ final: true, job: { id: 'poison' } });
    expect(failures[0]!.error.message).toMatch(/cut short 3 times/);
    expect(ran).toBe(false);
    expect(await queue.depth('effects')).toBe(0);
  }, 60_000);

  it('refuses to open a queue file that is already open', async () => {
    queue = createSqliteJobQueue({ file });
    expect(() => createSqliteJobQueue({ file })).toThrow(/already open/);
  });

  it('forgets finished job ids after the retention period', async () => {
    queue = createSqliteJobQueue({ file, retentionMs: 50 });
    let runsOfA = 0;
    queue.process('q', async () => void runsOfA++);
    await queue.enqueue('q', 'n', {}, { jobId: 'a' });
    await expect.poll(() => runsOfA).toBe(1);
    await queue.close();

    await sleep(100);
    queue = createSqliteJobQueue({ file, retentionMs: 50 });
    queue.process('q', async () => void runsOfA++);
    await queue.enqueue('q', 'n', {}, { jobId: 'a' });
    await expect.poll(() => runsOfA).toBe(2);
  });
});
