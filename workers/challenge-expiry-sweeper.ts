import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { createCommandHandler, streamId } from '../api/commands';
import { challengeDecider } from '../api/domain/challenge';
import type { EventStore } from '../api/eventstore';
import { createChallengeQueries } from '../api/mfa/internal/challenge-queries';

export interface ChallengeExpirySweeperDeps {
  store: EventStore;
  /** The read models, for the pending challenges. */
  readDb: Database.Database;
  now: () => Date;
  logger: { error(details: object, message: string): void };
  /** How often to look (default every second). */
  intervalMs?: number;
}

/** Waiting this long past the expiry keeps the sweep from ever racing an answer sent at the last moment. */
const EXPIRY_MARGIN_MS = 1_000;
const BATCH = 500;

/**
 * Records the expiry of every push challenge nobody answered in time, so the waiting page,
 * the audit and the push-fatigue counts all see it. It reads the challenges read model
 * instead of keeping a timer job per challenge: nothing to enqueue on the sign-in's path, and
 * nothing lost in a crash, since the next sweep finds what the last one did not finish. A
 * challenge answered meanwhile, or found twice while the read model catches up, gets no
 * second event: the decider's Expire is a no-op for anything no longer pending.
 */
export function startChallengeExpirySweeper(deps: ChallengeExpirySweeperDeps): { close(): Promise<void> } {
  const handle = createCommandHandler({ store: deps.store, now: deps.now });
  const queries = createChallengeQueries(deps.readDb);
  let running: Promise<void> | null = null;

  const sweep = async () => {
    const now = deps.now();
    const due = queries.pendingExpiredBy(new Date(now.getTime() - EXPIRY_MARGIN_MS).toISOString(), BATCH);
    for (const row of due) {
      await handle(challengeDecider, streamId('challenge', row.tenant_id, row.id), { type: 'Expire', now: deps.now().toISOString() }, {
        tenantId: row.tenant_id, actor: { kind: 'system', id: 'push-worker' }, correlationId: row.sign_in_id, causationId: randomUUID(),
      });
    }
  };
  const timer = setInterval(() => {
    if (running) return;
    running = sweep()
      .catch((err: unknown) => deps.logger.error({ err }, 'could not record expired push challenges'))
      .finally(() => (running = null));
  }, deps.intervalMs ?? 1_000);
  timer.unref();

  return {
    async close() {
      clearInterval(timer);
      await running;
    },
  };
}
