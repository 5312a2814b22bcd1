import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, fold, streamId, type CommandContext } from '../../api/commands';
import { createSealer, type Sealer } from '../../api/crypto';
import { challengeDecider, DEFAULT_PUSH_LIMITS } from '../../api/domain/challenge';
import { deviceDecider, PUSH_ADDRESS_SEAL_CONTEXT, type DeviceEvent } from '../../api/domain/device';
import type { EventStore } from '../../api/eventstore';
import { createSqliteEventStore } from '../../api/eventstore/sqlite-event-store';
import { newVapidKeyPair } from '../../api/mfa/vapid-keys';
import { startPushTestService, type PushTestService, type TestSubscriber } from '../../test/push/start-push-test-service';
import type { Job } from '../job-queue';
import type { DeliverPushJob } from '../push.reactor';
import { createDeliverPushProcessor } from './deliver-push.processor';
import { PushRegistrationGoneError } from './push-registration-gone-error';
import { createWebPushTransport } from './web-push-transport';

const TENANT = 't1';
const ctx: CommandContext = { tenantId: TENANT, actor: { kind: 'system', id: 'test' }, correlationId: 'c', causationId: 'c' };

describe('deliver-push worker with the Web Push transport and a local push service', () => {
  let store: EventStore;
  let sealer: Sealer;
  let service: PushTestService;
  const vapid = newVapidKeyPair();
  const transport = createWebPushTransport({ vapid: { ...vapid, subject: 'mailto:ops@example.test' } });
  const now = () => new Date();
  let handle: ReturnType<typeof createCommandHandler>;
  let processor: ReturnType<typeof createDeliverPushProcessor>;

  beforeAll(async () => {
    store = createSqliteEventStore({ file: ':memory:' });
    sealer = createSealer(randomBytes(32));
    service = await startPushTestService();
    handle = createCommandHandler({ store, now });
    processor = createDeliverPushProcessor({ store, sealer, transports: [transport], now });
  });
  afterAll(async () => {
    await service.stop();
    await store.close();
  });

  const deviceStream = (id: string) => streamId('device', TENANT, id);
  async function device(withPush: boolean): Promise<{ id: string; subscriber: TestSubscriber }> {
    const id = randomUUID();
    await handle(deviceDecider, deviceStream(id), {
      type: 'ActivateDevice', deviceId: id, enrollmentId: 'e', tokenPackId: 'p', directoryConnectorId: 'dir', username: 'jo', userKey: 'dir.jo', name: 'Jo phone',
      publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, keyThumbprint: 't', totpSeed: sealer.seal('seed', 'device:totpSeed'), email: null,
    }, ctx);
    const subscriber = service.subscribe(vapid.publicKey);
    if (withPush) await register(id, subscriber);
    return { id, subscriber };
  }
  const register = (id: string, subscriber: TestSubscriber) =>
    handle(deviceDecider, deviceStream(id), { type: 'RegisterPushChannel', channel: 'webpush', address: sealer.seal(JSON.stringify(subscriber.subscription), PUSH_ADDRESS_SEAL_CONTEXT), fingerprint: randomUUID() }, ctx);
  async function challenge(deviceIds: string[]): Promise<string> {
    const challengeId = randomUUID();
    const issuedAt = now();
    await handle(challengeDecider, streamId('challenge', TENANT, challengeId), {
      type: 'IssueChallenge', recent: [], limits: DEFAULT_PUSH_LIMITS,
      challenge: {
        challengeId, signInId: `s-${challengeId}`, serviceId: 'svc', serviceName: 'Payroll', directoryConnectorId: 'dir', username: 'jo', userKey: 'dir.jo', deviceIds,
        number: 42, numberChoices: [17, 42, 88], clientIp: '198.51.100.7', browser: 'Firefox', issuedAt: issuedAt.toISOString(), expiresAt: new Date(issuedAt.getTime() + 60_000).toISOString(),
      },
    }, ctx);
    return challengeId;
  }
  const job = (challengeId: string, deviceId: string): Job<DeliverPushJob> => ({
    id: `push:e:deliver-push:${deviceId}`, queue: 'push', name: 'deliver-push', data: { tenantId: TENANT, challengeId, signInId: `s-${challengeId}`, deviceId }, attempt: 1, maxAttempts: 5,
  });
  const eventsOf = async (stream: string) => (await store.readStream(stream)).map((e) => ({ type: e.type, data: e.data }));

  it('sends the challenge to the device\'s subscription once and records the delivery', async () => {
    const phone = await device(true);
    const challengeId = await challenge([phone.id]);
    await processor.handle(job(challengeId, phone.id));
    await processor.handle(job(challengeId, phone.id)); // the queue ran it again: already delivered
    expect(phone.subscriber.received).toHaveLength(1);
    const payload = JSON.parse(phone.subscriber.received[0]!.text) as { type: string; challenge: Record<string, unknown> };
    expect(payload).toMatchObject({ type: 'challenge', challenge: { challengeId, serviceName: 'Payroll', numberChoices: [17, 42, 88] } });
    expect(payload.challenge).not.toHaveProperty('number');
    expect(phone.subscriber.received[0]!.ttl).toBeGreaterThan(50);
    expect(await eventsOf(streamId('challenge', TENANT, challengeId))).toContainEqual({ type: 'PushDelivered', data: { challengeId, deviceId: phone.id, channel: 'webpush' } });
  });

  it('a revoked device, a device without a subscription, and a challenge no longer pending get nothing', async () => {
    const revoked = await device(true);
    const plain = await device(false);
    const challengeId = await challenge([revoked.id, plain.id]);
    await handle(deviceDecider, deviceStream(revoked.id), { type: 'RevokeDevice', by: { kind: 'admin', adminId: 'a' }, reason: 'lost' }, ctx);
    await processor.handle(job(challengeId, revoked.id));
    await processor.handle(job(challengeId, plain.id));
    expect(revoked.subscriber.answered).toEqual([]);
    expect(plain.subscriber.answered).toEqual([]);

    const phone = await device(true);
    const answered = await challenge([phone.id]);
    await handle(challengeDecider, streamId('challenge', TENANT, answered), { type: 'Cancel', reason: 'CODE_USED' }, ctx);
    await processor.handle(job(answered, phone.id));
    const late = createDeliverPushProcessor({ store, sealer, transports: [transport], now: () => new Date(Date.now() + 61_000) });
    await late.handle(job(await challenge([phone.id]), phone.id));
    expect(phone.subscriber.answered).toEqual([]);
  });

  it('a subscription the push service says is gone (410) fails for good, is removed from the device, and is not tried again', async () => {
    const phone = await device(true);
    phone.subscriber.unsubscribe();
    const first = await challenge([phone.id]);
    const failing = job(first, phone.id);
    const error = await processor.handle(failing).catch((e: Error) => e);
    expect(error).toBeInstanceOf(PushRegistrationGoneError);
    await processor.onFailed({ job: failing, error: error as Error, final: true });
    const deviceEvents = await eventsOf(deviceStream(phone.id));
    expect(deviceEvents.at(-1)).toEqual({ type: 'PushChannelRemoved', data: { deviceId: phone.id, channel: 'webpush', reason: 'GONE' } });
    expect(fold(deviceDecider, (await store.readStream(deviceStream(phone.id))) as unknown as DeviceEvent[])).toMatchObject({ channels: ['websocket'] });
    expect((await eventsOf(streamId('challenge', TENANT, first))).at(-1)).toEqual({
      type: 'PushDeliveryFailed', data: { challengeId: first, deviceId: phone.id, channel: 'webpush', reason: expect.stringMatching(/answered 410.*no longer exists/), final: true },
    });
    expect(phone.subscriber.answered).toEqual([410]);

    await processor.handle(job(await challenge([phone.id]), phone.id));
    expect(phone.subscriber.answered).toEqual([410]);

    const renewed = service.subscribe(vapid.publicKey);
    await register(phone.id, renewed);
    await processor.handle(job(await challenge([phone.id]), phone.id));
    expect(renewed.received).toHaveLength(1);
  });

  it('a throttled try is recorded as a failure to retry, and names the push service without the subscription', async () => {
    const phone = await device(true);
    phone.subscriber.answerNext(429);
    const challengeId = await challenge([phone.id]);
    const throttled = job(challengeId, phone.id);
    const error = (await processor.handle(throttled).catch((e: Error) => e)) as Error;
    await processor.onFailed({ job: throttled, error, final: false });
    const failure = (await eventsOf(streamId('challenge', TENANT, challengeId))).at(-1)!;
    expect(failure).toMatchObject({ type: 'PushDeliveryFailed', data: { final: false, reason: expect.stringMatching(/answered 429.*will try again/) } });
    expect(JSON.stringify(failure)).not.toContain(phone.subscriber.subscription.endpoint);
    await processor.handle({ ...throttled, attempt: 2 });
    expect(phone.subscriber.received).toHaveLength(1);
  });
});
