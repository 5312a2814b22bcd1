import { randomUUID } from 'node:crypto';
import { createCommandHandler, streamId } from '../api/commands';
import { challengeDecider } from '../api/domain/challenge';
import type { EventStore } from '../api/eventstore';
import { PermanentJobError, type JobQueue } from './job-queue';
import { mfaMailReactor } from './mfa-mail.reactor';
import { DELIVER_PUSH_JOB, EXPIRE_CHALLENGE_JOB, pushReactor, PUSH_QUEUE, type ExpireChallengeJob } from './push.reactor';
import type { Sealer } from '../api/crypto';
import type { PushTransport } from '../api/mfa/push-transport';
import { createDeliverPushProcessor, type DeliverPushProcessor } from './push/deliver-push.processor';
import type { Reactor } from './reactor';
import type Database from 'better-sqlite3';
import { startChallengeExpirySweeper } from './challenge-expiry-sweeper';

export { createMfaMailProcessor, type MfaMailDeps } from './mfa-mail.processor';

/** The reactors of the second factor; add them to `reactors`. */
export const mfaReactors: readonly Reactor[] = [pushReactor, mfaMailReactor];

export interface MfaWorkerDeps {
  queue: JobQueue;
  store: EventStore;
  /** The read models: the expiry sweeper finds unanswered challenges there. */
  readDb: Database.Database;
  logger: { error(details: object, message: string): void };
  now: () => Date;
  /** Timers handled at once (default 8). */
  concurrency?: number;
  /** Store-and-forward delivery (`deliver-push` jobs) through these transports; needs `sealer`. */
  pushTransports?: readonly PushTransport[];
  sealer?: Sealer;
}

/**
 * Starts, in this process, the challenge expiry sweeper and the `push` queue's worker:
 * store-and-forward deliveries (`deliver-push`) when push transports are given (without them
 * those jobs complete doing nothing), and expiry timers earlier versions queued. The enrollment emails run in
 * the mail worker: spread `createMfaMailProcessor(deps)` into its handlers.
 */
export function registerMfaWorkers(deps: MfaWorkerDeps): { close(): Promise<void> } {
  const handle = createCommandHandler({ store: deps.store, now: deps.now });
  const sweeper = startChallengeExpirySweeper({ store: deps.store, readDb: deps.readDb, now: deps.now, logger: deps.logger });
  const deliver: DeliverPushProcessor | null = deps.sealer && deps.pushTransports?.length ? createDeliverPushProcessor({ store: deps.store, sealer: deps.sealer, transports: deps.pushTransports, now: deps.now }) : null;
  const push = deps.queue.process<ExpireChallengeJob>(
    PUSH_QUEUE,
    async (job) => {
      if (job.name === DELIVER_PUSH_JOB) return deliver?.handle(job as never);
      if (job.name !== EXPIRE_CHALLENGE_JOB) throw new PermanentJobError(`No push worker handles "${job.name}" jobs.`);
      const { tenantId, challengeId, signInId } = job.data;
      await handle(challengeDecider, streamId('challenge', tenantId, challengeId), { type: 'Expire', now: deps.now().toISOString() }, {
        tenantId, actor: { kind: 'system', id: 'push-worker' }, correlationId: signInId ?? challengeId, causationId: randomUUID(),
      });
    },
    { concurrency: deps.concurrency ?? 8, onFailed: (failure) => (failure.job.name === DELIVER_PUSH_JOB ? deliver?.onFailed(failure) : undefined) },
  );
  return {
    async close() {
      await sweeper.close();
      await push.close();
      for (const transport of deps.pushTransports ?? []) await transport.close();
    },
  };
}
