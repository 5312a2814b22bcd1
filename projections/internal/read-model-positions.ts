import type { ReadModelProgress } from '../../api/commands';
import { AppError } from '../../api/errors';
import { PositionWaiters } from './position-waiters';

type Listener = Parameters<ReadModelProgress['onAdvance']>[0];

/**
 * The moving position of read models that another thread or process writes, as
 * `ReadModelProgress` offers it: `reached` moves it on, wakes the writes waiting for it and
 * tells the listeners (with the batch's event types when known).
 */
export function createReadModelPositions() {
  const waiters = new PositionWaiters();
  const listeners = new Set<Listener>();
  let current = 0n;
  return {
    reached(position: bigint, eventTypes?: ReadonlySet<string>) {
      if (position <= current) return;
      current = position;
      waiters.reached(position);
      for (const listener of listeners) listener(position, eventTypes);
    },
    position: () => current,
    waitFor: (position: bigint, timeoutMs = 5_000) => waiters.wait(position, timeoutMs, () => new AppError('READ_MODEL_TIMEOUT')),
    onAdvance(listener: Listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Fails every write still waiting: these read models will not move again. */
    stopped: () => waiters.rejectAll(new AppError('READ_MODEL_TIMEOUT', 'the server is shutting down')),
  };
}
