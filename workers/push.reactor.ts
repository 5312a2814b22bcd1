import type { ChallengeEvent } from '../api/domain/challenge';
import type { RecordedEvent } from '../api/eventstore';
import type { Reactor } from './reactor';

/** The push queue: store-and-forward deliveries through the push transports. */
export const PUSH_QUEUE = 'push';
/** Expiry timers queued by earlier versions; still processed, no longer queued (see `challenge-expiry-sweeper.ts`). */
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

/**
 * Live delivery to connected devices needs no job: every API node's device hub sends new
 * challenges from its read model, and the expiry sweeper records the unanswered ones. Each
 * targeted device that had a push registration when the challenge was issued
 * (`pushDeviceIds`) gets a `deliver-push` job (id `push:<eventId>:deliver-push:<deviceId>`, so
 * a replayed event sends nothing twice); the worker sends it through the device's push
 * registration (Web Push, …) at that moment, and does nothing for one removed or revoked since.
 */
export const pushReactor: Reactor = {
  name: 'push',
  eventTypes: ['PushChallengeIssued'],
  react(recorded: RecordedEvent) {
    const event = recorded as unknown as Extract<ChallengeEvent, { type: 'PushChallengeIssued' }>;
    const data = { tenantId: recorded.metadata.tenantId, challengeId: event.data.challengeId, signInId: event.data.signInId };
    return (event.data.pushDeviceIds ?? event.data.deviceIds).map((deviceId) => ({
      queue: PUSH_QUEUE, name: DELIVER_PUSH_JOB, key: `${DELIVER_PUSH_JOB}:${deviceId}`,
      data: { ...data, deviceId } satisfies DeliverPushJob, options: DELIVERY_OPTIONS,
    }));
  },
};
