import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushNotice } from '../../api/mfa/push-transport';
import { newVapidKeyPair } from '../../api/mfa/vapid-keys';
import { freePort } from '../../test/support/start-test-server';
import { startPushTestService, type PushTestService } from '../../test/push/start-push-test-service';
import { PermanentJobError } from '../job-queue';
import { pushTransportContract, samplePushNotice } from './push-transport.contract';
import { PushRegistrationGoneError } from './push-registration-gone-error';
import { createWebPushTransport, webPushTopic } from './web-push-transport';

const SUBJECT = 'mailto:security@countersign.example';

pushTransportContract('Web Push', async () => {
  const service = await startPushTestService();
  const vapid = newVapidKeyPair();
  return {
    transport: createWebPushTransport({ vapid: { ...vapid, subject: SUBJECT } }),
    async register() {
      const subscriber = service.subscribe(vapid.publicKey);
      return {
        address: JSON.stringify(subscriber.subscription),
        received: async () => subscriber.received.map((m) => (JSON.parse(m.text) as { challenge: PushNotice }).challenge),
        unregister: () => subscriber.unsubscribe(),
        throttleNext: (count) => subscriber.answerNext(...Array<number>(count).fill(429)),
      };
    },
    async cleanup() {
      await service.stop();
      expect(service.problems).toEqual([]);
    },
  };
});

describe('Web Push transport against a local RFC 8030 push service', () => {
  let service: PushTestService;
  const vapid = newVapidKeyPair();
  const transport = createWebPushTransport({ vapid: { ...vapid, subject: SUBJECT } });
  beforeAll(async () => {
    service = await startPushTestService();
  });
  afterAll(async () => {
    await transport.close();
    await service.stop();
  });

  it('sends {"type":"challenge","challenge":…} with the choices only, for as long as the challenge can be answered, urgently, under the challenge\'s topic', async () => {
    const subscriber = service.subscribe(vapid.publicKey);
    const notice = samplePushNotice();
    const { providerId } = await transport.send(JSON.stringify(subscriber.subscription), notice, { idempotencyKey: 'k', ttlSeconds: 42 });
    expect(providerId).toMatch(new RegExp(`^${service.origin}/messages/\\d+$`));
    const [message] = subscriber.received;
    expect(JSON.parse(message!.text)).toEqual({ type: 'challenge', challenge: notice });
    expect(message!.text).not.toMatch(/"number"/);
    expect(message).toMatchObject({ ttl: 42, urgency: 'high', topic: webPushTopic(notice.challengeId) });
    expect(message!.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(message!.vapid).toMatchObject({ aud: service.origin, sub: SUBJECT, publicKey: vapid.publicKey });
    expect(service.problems).toEqual([]);
  });

  it('a re-sent notice of the same challenge carries the same topic, so the push service replaces the first', async () => {
    const subscriber = service.subscribe(vapid.publicKey);
    const address = JSON.stringify(subscriber.subscription);
    await transport.send(address, samplePushNotice({ challengeId: 'c-1' }), { idempotencyKey: 'k', ttlSeconds: 30 });
    await transport.send(address, samplePushNotice({ challengeId: 'c-1' }), { idempotencyKey: 'k', ttlSeconds: 20 });
    await transport.send(address, samplePushNotice({ challengeId: 'c-2' }), { idempotencyKey: 'k2', ttlSeconds: 20 });
    const topics = subscriber.received.map((m) => m.topic);
    expect(topics[0]).toBe(topics[1]);
    expect(topics[2]).not.toBe(topics[0]);
  });

  it('a very long browser description is shortened so the notice stays within the push size limit', async () => {
    const subscriber = service.subscribe(vapid.publicKey);
    await transport.send(JSON.stringify(subscriber.subscription), samplePushNotice({ browser: 'Mozilla/5.0 '.repeat(400) }), { idempotencyKey: 'k', ttlSeconds: 30 });
    const { challenge } = JSON.parse(subscriber.received[0]!.text) as { challenge: PushNotice };
    expect(challenge.browser!.length).toBeLessThanOrEqual(201);
    expect(challenge.numberChoices).toEqual([17, 42, 88]);
  });

  it('404 and 410 mean the subscription is gone; a refusal such as a key mismatch (403) fails for good without saying gone', async () => {
    const gone = service.subscribe(vapid.publicKey);
    gone.answerNext(404);
    await expect(transport.send(JSON.stringify(gone.subscription), samplePushNotice(), { idempotencyKey: 'k', ttlSeconds: 30 })).rejects.toBeInstanceOf(PushRegistrationGoneError);
    const otherKey = service.subscribe(newVapidKeyPair().publicKey);
    const refused = transport.send(JSON.stringify(otherKey.subscription), samplePushNotice(), { idempotencyKey: 'k', ttlSeconds: 30 });
    await expect(refused).rejects.toBeInstanceOf(PermanentJobError);
    await expect(refused).rejects.not.toBeInstanceOf(PushRegistrationGoneError);
    await expect(refused).rejects.toThrow(/answered 403/);
    service.problems.length = 0;
  });

  it('a push service that fails (503) or cannot be reached fails the try so the queue retries it', async () => {
    const busy = service.subscribe(vapid.publicKey);
    busy.answerNext(503);
    const failed = transport.send(JSON.stringify(busy.subscription), samplePushNotice(), { idempotencyKey: 'k', ttlSeconds: 30 });
    await expect(failed).rejects.toThrow(/answered 503.*; will try again/);
    await expect(failed).rejects.not.toBeInstanceOf(PermanentJobError);
    const closed = { ...busy.subscription, endpoint: `http://127.0.0.1:${await freePort()}/push/x` };
    const unreachable = transport.send(JSON.stringify(closed), samplePushNotice(), { idempotencyKey: 'k', ttlSeconds: 30 });
    await expect(unreachable).rejects.toThrow(/could not be reached/);
    await expect(unreachable).rejects.not.toBeInstanceOf(PermanentJobError);
  });
});
