import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushNotice, PushTransport } from '../../api/mfa/push-transport';
import { PermanentJobError } from '../job-queue';
import { PushRegistrationGoneError } from './push-registration-gone-error';

/** A device registered at the adapter's real (local) push service. */
export interface PushTestRegistration {
  /** What `send` takes: the device's unsealed registration. */
  address: string;
  /** Notices that reached the device so far, decoded as the device reads them. */
  received(): Promise<PushNotice[]>;
  /** The device dropped its registration at the push service. */
  unregister(): void;
  /** The push service answers the next `count` sends with "too many requests". */
  throttleNext(count: number): void;
}

/** One test's transport and its push service. */
export interface PushTransportTestSetup {
  transport: PushTransport;
  register(): Promise<PushTestRegistration>;
  cleanup(): Promise<void>;
}

/** A challenge notice as the push worker sends it: the choices, never the number to match. */
export function samplePushNotice(overrides: Partial<PushNotice> = {}): PushNotice {
  const issuedAt = new Date();
  return {
    challengeId: '6f1c2a9e-3b7d-4c21-9a0e-5d8f7b6c4e31',
    serviceName: 'Office 365 — Zoë’s 会社',
    username: 'zoe.brandt',
    clientIp: '198.51.100.23',
    browser: 'Firefox 128 on Windows',
    issuedAt: issuedAt.toISOString(),
    expiresAt: new Date(issuedAt.getTime() + 60_000).toISOString(),
    numberChoices: [17, 42, 88],
    ...overrides,
  };
}

const options = (key: string) => ({ idempotencyKey: key, ttlSeconds: 60 });

async function failureOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to fail');
}

/** The behaviour every push transport must show (CONVENTIONS rule 5). */
export function pushTransportContract(adapter: string, setUp: () => Promise<PushTransportTestSetup>): void {
  describe(`${adapter} push transport contract`, () => {
    let setup: PushTransportTestSetup;
    beforeEach(async () => {
      setup = await setUp();
    });
    afterEach(async () => {
      await setup.transport.close();
      await setup.cleanup();
    });

    it('a notice reaches the device intact, accents and all', async () => {
      const device = await setup.register();
      const notice = samplePushNotice();
      const { providerId } = await setup.transport.send(device.address, notice, options('job-1'));
      expect(typeof providerId).toBe('string');
      expect(await device.received()).toEqual([notice]);
    });

    it('each device gets only the notices sent to it', async () => {
      const [phone, tablet] = [await setup.register(), await setup.register()];
      await setup.transport.send(phone.address, samplePushNotice({ challengeId: 'for-phone' }), options('job-1'));
      await setup.transport.send(tablet.address, samplePushNotice({ challengeId: 'for-tablet' }), options('job-2'));
      expect((await phone.received()).map((n) => n.challengeId)).toEqual(['for-phone']);
      expect((await tablet.received()).map((n) => n.challengeId)).toEqual(['for-tablet']);
    });

    it('a registration the push service no longer has fails for good (PushRegistrationGoneError), so the queue does not retry it', async () => {
      const device = await setup.register();
      device.unregister();
      const error = await failureOf(setup.transport.send(device.address, samplePushNotice(), options('job-1')));
      expect(error).toBeInstanceOf(PushRegistrationGoneError);
      expect(error).toBeInstanceOf(PermanentJobError);
      expect(await device.received()).toEqual([]);
    });

    it('a throttled push service fails the try in a way the queue retries, and the next try delivers once', async () => {
      const device = await setup.register();
      device.throttleNext(1);
      const error = await failureOf(setup.transport.send(device.address, samplePushNotice(), options('job-1')));
      expect(error).not.toBeInstanceOf(PermanentJobError);
      expect(await device.received()).toEqual([]);
      await setup.transport.send(device.address, samplePushNotice(), options('job-1'));
      expect(await device.received()).toHaveLength(1);
    });
  });
}
