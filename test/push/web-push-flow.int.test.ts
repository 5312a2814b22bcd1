import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamId, type CommandContext } from '../../api/commands';
import { challengeDecider, DEFAULT_PUSH_LIMITS } from '../../api/domain/challenge';
import { deviceDecider, deviceRequestPayload, keyThumbprint, TOTP_SEED_SEAL_CONTEXT, type DevicePublicKeyJwk } from '../../api/domain/device';
import { createReactorRunner } from '../../workers/reactor-runner';
import { pushReactor } from '../../workers/push.reactor';
import { startTestServer } from '../support/start-test-server';
import { startPushTestService, type PushTestService, type TestSubscriber } from './start-push-test-service';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const TENANT = 'default';
const PATH = '/api/devices/push-channel';
const ctx: CommandContext = { tenantId: TENANT, actor: { kind: 'system', id: 'test' }, correlationId: 'test', causationId: 'test' };

/** An authenticator: its device key, and signed calls to the device API as the app makes them. */
interface Device {
  id: string;
  call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, any> }>;
}

describe('Web Push delivery of push challenges, from registration over signed HTTP to a local push service', () => {
  let server: Server;
  let push: PushTestService;
  let vapidKey: string;

  beforeAll(async () => {
    push = await startPushTestService();
    server = await startTestServer();
    vapidKey = ((await (await fetch(`${server.url}/api/push/vapid-public-key`)).json()) as { publicKey: string }).publicKey;
  });
  afterAll(async () => {
    await server?.stop();
    await push?.stop();
  });

  async function enrolDevice(): Promise<Device> {
    const id = randomUUID();
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' }) as unknown as DevicePublicKeyJwk;
    await server.services.execute(deviceDecider, streamId('device', TENANT, id), {
      type: 'ActivateDevice', deviceId: id, enrollmentId: randomUUID(), tokenPackId: 'pack', directoryConnectorId: 'dir', username: 'jo', userKey: 'dir.jo',
      name: `Jo's phone ${id.slice(0, 4)}`, publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, keyThumbprint: keyThumbprint(jwk),
      totpSeed: server.services.sealer.seal('seed', TOTP_SEED_SEAL_CONTEXT), email: null,
    }, ctx);
    return { id, call: (method, path, body) => signedCall(server.url, id, privateKey, method, path, body) };
  }

  async function subscribe(device: Device): Promise<TestSubscriber> {
    const subscriber = push.subscribe(vapidKey);
    const registered = await device.call('POST', PATH, { subscription: subscriber.subscription });
    expect(registered).toEqual({ status: 200, json: { channel: 'webpush', status: 'REGISTERED' } });
    return subscriber;
  }

  /** What the sign-in flow appends when it sends a push: PushChallengeIssued for these devices. */
  async function issue(deviceIds: string[]): Promise<string> {
    const challengeId = randomUUID();
    const issuedAt = new Date();
    await server.services.execute(challengeDecider, streamId('challenge', TENANT, challengeId), {
      type: 'IssueChallenge', recent: [], limits: DEFAULT_PUSH_LIMITS,
      challenge: {
        challengeId, signInId: randomUUID(), serviceId: 'svc', serviceName: 'Payroll', directoryConnectorId: 'dir', username: 'jo', userKey: 'dir.jo', deviceIds,
        number: 42, numberChoices: [17, 42, 88], clientIp: '198.51.100.7', browser: 'Firefox 128', issuedAt: issuedAt.toISOString(), expiresAt: new Date(issuedAt.getTime() + 60_000).toISOString(),
      },
    }, ctx);
    return challengeId;
  }

  /** Reads until `ok` holds (the worker records outcomes just after the push service answers). */
  async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
    for (let tries = 0; ; tries++) {
      const value = await read();
      if (ok(value)) return value;
      if (tries > 200) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const challengesOf = (subscriber: TestSubscriber) => subscriber.received.map((m) => (JSON.parse(m.text) as { challenge: { challengeId: string } }).challenge.challengeId);
  const eventsOf = async (challengeId: string) => (await server.services.store.readStream(streamId('challenge', TENANT, challengeId))).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));

  it('serves the VAPID public key browsers subscribe with', async () => {
    const res = await fetch(`${server.url}/api/push/vapid-public-key`);
    expect(res.status).toBe(200);
    expect(vapidKey).toMatch(/^B[A-P][A-Za-z0-9_-]{85}$/);
  });

  it('each subscribed device gets exactly one push per challenge, even when the reactor sees the event twice', async () => {
    const [phone, tablet] = [await enrolDevice(), await enrolDevice()];
    const [phonePush, tabletPush] = [await subscribe(phone), await subscribe(tablet)];
    // The app registers again on every start: the same subscription records nothing new.
    const again = await phone.call('POST', PATH, { subscription: phonePush.subscription });
    expect(again.status).toBe(200);

    const first = await issue([phone.id, tablet.id]);
    const [received] = await phonePush.waitForMessages(1);
    await tabletPush.waitForMessages(1);
    expect(JSON.parse(received!.text)).toEqual({
      type: 'challenge',
      challenge: { challengeId: first, serviceName: 'Payroll', username: 'jo', clientIp: '198.51.100.7', browser: 'Firefox 128', issuedAt: expect.any(String), expiresAt: expect.any(String), numberChoices: [17, 42, 88] },
    });
    expect(received).toMatchObject({ urgency: 'high', vapid: { aud: push.origin, publicKey: vapidKey } });

    // A crash before the reactor's checkpoint: the same PushChallengeIssued is reacted to again.
    const replay = createReactorRunner({ store: server.services.store, db: new Database(':memory:'), queue: server.services.queue!, reactors: [pushReactor] });
    await replay.start();
    await replay.stop();
    const later = await issue([phone.id]);
    await phonePush.waitForMessages(2);

    expect(challengesOf(phonePush)).toEqual([first, later]);
    expect(challengesOf(tabletPush)).toEqual([first]);
    const delivered = await until(async () => (await eventsOf(first)).filter((e) => e.type === 'PushDelivered'), (d) => d.length >= 2, 'both deliveries recorded');
    expect(delivered).toEqual([
      { type: 'PushDelivered', data: { challengeId: first, deviceId: expect.any(String), channel: 'webpush' } },
      { type: 'PushDelivered', data: { challengeId: first, deviceId: expect.any(String), channel: 'webpush' } },
    ]);
    const registrations = (await server.services.store.readStream(streamId('device', TENANT, phone.id))).filter((e) => e.type === 'PushChannelRegistered');
    expect(registrations).toHaveLength(1);
    expect(JSON.stringify(registrations[0]!.data)).not.toContain(phonePush.subscription.keys.auth);
    expect(push.problems).toEqual([]);
  });

  it('a throttled push service (429) is tried again by the queue, and the device gets the notice once', async () => {
    const phone = await enrolDevice();
    const phonePush = await subscribe(phone);
    phonePush.answerNext(429);
    const challengeId = await issue([phone.id]);
    await phonePush.waitForMessages(1);
    expect(phonePush.answered).toEqual([429, 201]);
    expect(challengesOf(phonePush)).toEqual([challengeId]);
    const outcomes = await until(async () => (await eventsOf(challengeId)).filter((e) => e.type.startsWith('PushDeliv')), (o) => o.length >= 2, 'the failure and the delivery recorded');
    expect(outcomes).toEqual([
      { type: 'PushDeliveryFailed', data: expect.objectContaining({ channel: 'webpush', final: false, reason: expect.stringMatching(/answered 429/) }) },
      { type: 'PushDelivered', data: expect.objectContaining({ channel: 'webpush' }) },
    ]);
  });

  it('a subscription gone at the push service (410) is dropped after one try; revoked and unsubscribed devices get nothing', async () => {
    const [gone, revoked, unsubscribed, watch] = [await enrolDevice(), await enrolDevice(), await enrolDevice(), await enrolDevice()];
    const [gonePush, revokedPush, unsubscribedPush, watchPush] = [await subscribe(gone), await subscribe(revoked), await subscribe(unsubscribed), await subscribe(watch)];
    gonePush.unsubscribe();
    await server.services.mfa.devices.revokeByAdmin(revoked.id, 'lost', ctx);
    expect(await unsubscribed.call('DELETE', PATH)).toEqual({ status: 200, json: { channel: 'webpush', status: 'REMOVED' } });

    const first = await issue([gone.id, revoked.id, unsubscribed.id, watch.id]);
    await watchPush.waitForMessages(1);
    const goneStream = streamId('device', TENANT, gone.id);
    await until(async () => (await server.services.store.readStream(goneStream)).map((e) => e.type), (types) => types.includes('PushChannelRemoved'), 'the gone subscription removed');
    const second = await issue([gone.id, watch.id]);
    await watchPush.waitForMessages(2);
    expect(challengesOf(watchPush)).toEqual([first, second]);
    expect(gonePush.answered).toEqual([410]);
    expect(revokedPush.answered).toEqual([]);
    expect(unsubscribedPush.answered).toEqual([]);
    const failed = await until(async () => (await eventsOf(first)).find((e) => e.type === 'PushDeliveryFailed'), Boolean, 'the failed delivery recorded');
    expect(failed).toMatchObject({ data: { deviceId: gone.id, final: true, reason: expect.stringMatching(/answered 410/) } });

    const audit = await until(
      async () => server.services.readDb.prepare("SELECT summary FROM audit_events WHERE type IN ('PushChannelRemoved', 'PushDeliveryFailed')").pluck().all() as string[],
      (rows) => rows.length >= 3, 'the audit to show the removals and the failure',
    );
    expect(audit).toEqual(expect.arrayContaining([
      expect.stringMatching(/Device turned off webpush notifications/),
      expect.stringMatching(/no longer exists at the push service/),
      expect.stringMatching(/^Push to a device \(webpush\) failed: .*410/),
    ]));
  });

  it('bad subscriptions and unsigned or revoked callers get an error saying what to fix', async () => {
    const phone = await enrolDevice();
    const post = (subscription: unknown) => phone.call('POST', PATH, { subscription });
    const keys = push.subscribe(vapidKey).subscription.keys;

    expect(await post({ endpoint: 'http://push.example.com/send/abc', keys })).toMatchObject({
      status: 400, json: { error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/must be an https:\/\/ URL/), fields: { 'subscription.endpoint': expect.any(String) } } },
    });
    expect(await post({ endpoint: 'https://push.example.com/send/abc', keys: { ...keys, auth: 'c2hvcnQ' } })).toMatchObject({
      status: 400, json: { error: { code: 'VALIDATION_FAILED', fields: { 'subscription.keys.auth': expect.stringMatching(/16-byte .* decodes to 5 bytes/) } } },
    });
    expect(await phone.call('POST', PATH, { endpoint: 'https://push.example.com/x' })).toMatchObject({
      status: 400, json: { error: { fields: { subscription: expect.stringMatching(/send \{"subscription": …\}/) } } },
    });
    const unsigned = await fetch(`${server.url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.stringMatching(/Countersign-Device/) } });
    const broken = await fetch(`${server.url}${PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"subscription":' });
    expect(await broken.json()).toEqual({ error: { code: 'BAD_USER_INPUT', message: expect.stringMatching(/send JSON/) } });

    await server.services.mfa.devices.revokeByAdmin(phone.id, 'lost', ctx);
    expect(await post(push.subscribe(vapidKey).subscription)).toMatchObject({ status: 403, json: { error: { code: 'DEVICE_REVOKED' } } });
  });

  it('keeps the same VAPID key across a restart, so existing browser subscriptions stay valid', async () => {
    const dataDir = server.dataDir;
    await server.stop();
    server = await startTestServer({ DATA_DIR: dataDir });
    const res = await fetch(`${server.url}/api/push/vapid-public-key`);
    expect(((await res.json()) as { publicKey: string }).publicKey).toBe(vapidKey);
  });
});

async function signedCall(base: string, deviceId: string, key: KeyObject, method: string, path: string, body?: unknown) {
  const timestamp = Date.now();
  const signature = sign('sha256', Buffer.from(deviceRequestPayload({ deviceId, method, path, timestamp })), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'countersign-device': `${deviceId}.${timestamp}.${signature}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
}
