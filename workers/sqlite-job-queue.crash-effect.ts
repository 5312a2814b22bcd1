import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test fixture: the side effect of a crash-test job, made idempotent the way a real handler
 * would (create-if-absent keyed by job id). Every run is logged to `runs.log`.
 */
export function performEffect(effectsDir: string, runner: string, jobId: string): void {
  appendFileSync(join(effectsDir, 'runs.log'), `${runner} ${jobId}\n`);
  try {
    writeFileSync(join(effectsDir, `effect-${jobId}`), `done by ${runner}\n`, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}
