import type Database from 'better-sqlite3';
import type { ReadModelProgress } from '../api/commands';
import { createReadModelPositions } from './internal/read-model-positions';

/**
 * Read-model progress for an API process whose read models are written by a separate
 * projections process on the same node: it polls the checkpoints table while anyone waits
 * or listens, and sleeps otherwise.
 */
export function createCheckpointProgress(db: Database.Database, pollMs = 20): ReadModelProgress & { close(): void } {
  const read = db.prepare('SELECT COALESCE(MIN(position), 0) FROM projection_checkpoints').pluck().safeIntegers(true);
  const { reached, position, waitFor, onAdvance } = createReadModelPositions();
  reached(read.get() as bigint);
  const timer = setInterval(() => reached(read.get() as bigint), pollMs);
  timer.unref();
  return { position, waitFor, onAdvance, close: () => clearInterval(timer) };
}
