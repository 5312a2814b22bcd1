import { randomUUID } from 'node:crypto';
import { createCommandHandler, fold, streamId, type CommandContext } from '../../api/commands';
import { UnsealError, type Sealer } from '../../api/crypto';
import { challengeDecider, type ChallengeEvent, type IssuedChallenge } from '../../api/domain/challenge';
import { deviceDecider, PUSH_ADDRESS_SEAL_CONTEXT, type DeviceEvent } from '../../api/domain/device';
import type { EventStore } from '../../api/eventstore';
import type { PushNotice, PushTransport } from '../../api/mfa/push-transport';
import { PermanentJobError, type Job, type JobFailure } from '../job-queue';
import type { DeliverPushJob } from '../push.reactor';
import { PushRegistrationGoneError } from './push-registration-gone-error';

export interface DeliverPushDeps {
  store: EventStore;
  sealer: Sealer;
  /** One per channel (`webpush`, later `fcm`, `apns`). */
  transports: readonly PushTransport[];
  now: () => Date;
}

const INTERNAL_REASON = 'Countersign could not deliver the push because of an internal error; the details are in the server log.';

/** What the device is shown: the choices, never the number itself. */
export const noticeOfChallenge = (c: IssuedChallenge): PushNotice => ({
  challengeId: c.challengeId, serviceName: c.serviceName, username: c.username, clientIp: c.clientIp, browser: c.browser,
  issuedAt: c.issuedAt, expiresAt: c.expiresAt, numberChoices: c.numberChoices,
});

/**
 * Delivers one challenge to one device through its push registration. Both are read from
 * their streams at send time, so a challenge answered, expired or already received over the
 * live channel, and a device revoked or unsubscribed since, get nothing. The outcome is a
 * command on the challenge (`PushDelivered` / `PushDeliveryFailed`, in the audit); a
 * registration the push service reports gone is removed from the device (`PushChannelRemoved`)
 * so no later challenge tries it again.
 */
export function createDeliverPushProcessor(deps: DeliverPushDeps) {
  const handle = createCommandHandler({ store: deps.store, now: deps.now });
  /** Errors a push service caused, with the channel: their messages are written for admins. */
  const transportErrors = new WeakMap<Error, string>();
  const context = (tenantId: string, correlationId: string): CommandContext => ({
    tenantId, actor: { kind: 'system', id: 'push-worker' }, correlationId, causationId: randomUUID(),
  });
  const challengeStream = (job: DeliverPushJob) => streamId('challenge', job.tenantId, job.challengeId);

  return {
    async handle(job: Job<DeliverPushJob>): Promise<void> {
      const { tenantId, deviceId } = job.data;
      const challenge = fold(challengeDecider, (await deps.store.readStream(challengeStream(job.data))) as unknown as ChallengeEvent[]);
      if (challenge.status !== 'PENDING' || !challenge.challenge.deviceIds.includes(deviceId) || challenge.delivered.includes(deviceId)) return;
      const ttlSeconds = Math.floor((Date.parse(challenge.challenge.expiresAt) - deps.now().getTime()) / 1000);
      if (ttlSeconds <= 0) return;
      const deviceStream = streamId('device', tenantId, deviceId);
      const device = fold(deviceDecider, (await deps.store.readStream(deviceStream)) as unknown as DeviceEvent[]);
      if (device.status !== 'active') return;
      const transport = deps.transports.find((t) => device.pushRegistrations[t.channel]?.address);
      if (!transport) return;
      const sealed = device.pushRegistrations[transport.channel]!.address!;
      let address: string;
      try {
        address = deps.sealer.unseal(sealed, PUSH_ADDRESS_SEAL_CONTEXT);
      } catch (error) {
        if (!(error instanceof UnsealError)) throw error;
        const unreadable = new PermanentJobError(`The device's push registration cannot be opened with the configured master keys (${error.message}).`);
        transportErrors.set(unreadable, transport.channel);
        throw unreadable;
      }
      const ctx = context(tenantId, job.data.signInId);
      try {
        await transport.send(address, noticeOfChallenge(challenge.challenge), { idempotencyKey: job.id, ttlSeconds });
      } catch (error) {
        if (error instanceof Error) transportErrors.set(error, transport.channel);
        if (error instanceof PushRegistrationGoneError) {
          await handle(deviceDecider, deviceStream, { type: 'RemovePushChannel', channel: transport.channel, reason: 'GONE', address: sealed }, ctx);
        }
        throw error;
      }
      await handle(challengeDecider, challengeStream(job.data), { type: 'RecordDelivery', deviceId, channel: transport.channel }, ctx);
    },

    /** Records each failed try on the challenge; `final` when the queue gives up. */
    async onFailed({ job, error, final }: JobFailure): Promise<void> {
      const data = job.data as DeliverPushJob;
      const channel = transportErrors.get(error);
      const reason = channel === undefined ? INTERNAL_REASON : error.message;
      await handle(challengeDecider, challengeStream(data), { type: 'RecordDeliveryFailure', deviceId: data.deviceId, channel: channel ?? 'push', reason, final }, context(data.tenantId, data.signInId));
    },
  };
}

export type DeliverPushProcessor = ReturnType<typeof createDeliverPushProcessor>;
