import type { ChallengeEvent } from '../api/domain/challenge';
import type { RecordedEvent } from '../api/eventstore';
import type { Reactor } from './reactor';

/** The push queue: challenge expiry timers and store-and-forward deliveries through the push transports. */
export const PUSH_QUEUE = 'push';
export const EXPIRE_CHALLENGE_JOB = 'expire-challenge';
export const DELIVER_PUSH_JOB = 'deliver-push';

export interface ExpireChallengeJob {
  tenantId: string;
  challengeId: string;
  signInId: string;
}

/** One device to reach with one challenge; the worker reads both from their streams. */
export interface DeliverPushJob {
  tenantId: string;
  challengeId: string;
  signInId: string;
  deviceId: string;
}

/** Tries of a delivery: 1 s, 2 s, 4 s, 8 s apart, all well within a challenge's minute. */
const DELIVERY_OPTIONS = { attempts: 5, backoffMs: 1_000 };

/** Extra delay after the expiry, so the timer never fires a moment early. */
const EXPIRY_MARGIN_MS = 1_000;

/**
 * Each issued challenge gets a timer that records its expiry if nobody answered, so the
 * waiting page, the audit and the push-fatigue counts all see it. Live delivery to connected
 * devices needs no job: every API node's device hub sends new challenges from its read model.
 * Each targeted device that had a push registration when the challenge was issued
 * (`pushDeviceIds`) also gets a `deliver-push` job (id `push:<eventId>:deliver-push:<deviceId>`,
 * so a replayed event sends nothing twice); the worker sends it through the device's push
 * registration (Web Push, …) at that moment, and does nothing for one removed or revoked since.
 */
export const pushReactor: Reactor = {
  name: 'push',
  eventTypes: ['PushChallengeIssued'],
  react(recorded: RecordedEvent) {
    const event = recorded as unknown as Extract<ChallengeEvent, { type: 'PushChallengeIssued' }>;
    const data: ExpireChallengeJob = { tenantId: recorded.metadata.tenantId, challengeId: event.data.challengeId, signInId: event.data.signInId };
    const delayMs = Math.max(0, Date.parse(event.data.expiresAt) - Date.parse(event.data.issuedAt)) + EXPIRY_MARGIN_MS;
    const deliveries = (event.data.pushDeviceIds ?? event.data.deviceIds).map((deviceId) => ({
      queue: PUSH_QUEUE, name: DELIVER_PUSH_JOB, key: `${DELIVER_PUSH_JOB}:${deviceId}`,
      data: { ...data, deviceId } satisfies DeliverPushJob, options: DELIVERY_OPTIONS,
    }));
    return [{ queue: PUSH_QUEUE, name: EXPIRE_CHALLENGE_JOB, data, options: { delayMs, attempts: 5, backoffMs: 1_000 } }, ...deliveries];
  },
};
