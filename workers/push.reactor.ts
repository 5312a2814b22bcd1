import type { ChallengeEvent } from '../api/domain/challenge';
import type { RecordedEvent } from '../api/eventstore';
import type { Reactor } from './reactor';

/** The push queue: challenge expiry timers (and store-and-forward deliveries when a PushTransport is configured). */
export const PUSH_QUEUE = 'push';
export const EXPIRE_CHALLENGE_JOB = 'expire-challenge';

export interface ExpireChallengeJob {
  tenantId: string;
  challengeId: string;
  signInId: string;
}

/** Extra delay after the expiry, so the timer never fires a moment early. */
const EXPIRY_MARGIN_MS = 1_000;

/**
 * Each issued challenge gets a timer that records its expiry if nobody answered, so the
 * waiting page, the audit and the push-fatigue counts all see it. Live delivery to connected
 * devices needs no job: every API node's device hub sends new challenges from its read model.
 */
export const pushReactor: Reactor = {
  name: 'push',
  eventTypes: ['PushChallengeIssued'],
  react(recorded: RecordedEvent) {
    const event = recorded as unknown as Extract<ChallengeEvent, { type: 'PushChallengeIssued' }>;
    const data: ExpireChallengeJob = { tenantId: recorded.metadata.tenantId, challengeId: event.data.challengeId, signInId: event.data.signInId };
    const delayMs = Math.max(0, Date.parse(event.data.expiresAt) - Date.parse(event.data.issuedAt)) + EXPIRY_MARGIN_MS;
    return [{ queue: PUSH_QUEUE, name: EXPIRE_CHALLENGE_JOB, data, options: { delayMs, attempts: 5, backoffMs: 1_000 } }];
  },
};
