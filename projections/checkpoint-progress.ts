import type Database from 'better-sqlite3';
import type { ReadModelProgress } from '../api/commands';
import { AppError } from '../api/errors';
import { PositionWaiters } from './internal/position-waiters';

/**
 * Read-model progress for an API process whose read models are written by a separate
 * projections process on the same node: it polls the checkpoints table while anyone waits
 * or listens, and sleeps otherwise.
 */
export function createCheckpointProgress(db: Database.Database, pollMs = 20): ReadModelProgress & { close(): void } {
  const read = db.prepare('SELECT COALESCE(MIN(position), 0) FROM projection_checkpoints').pluck().safeIntegers(true);
  const waiters = new PositionWaiters();
  const listeners = new Set<(position: bigint) => void>();
  let current = read.get() as bigint;
  waiters.reached(current);
  const timer = setInterval(() => {
    const next = read.get() as bigint;
    if (next > current) {
      current = next;
      waiters.reached(next);
      for (const listener of listeners) listener(next);
    }
  }, pollMs);
  timer.unref();
  return {
    position: () => current,
    waitFor: (position, timeoutMs = 5_000) => waiters.wait(position, timeoutMs, () => new AppError('READ_MODEL_TIMEOUT')),
    onAdvance(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => clearInterval(timer),
  };
}
