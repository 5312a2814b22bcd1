import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isLoopbackUrl, parseWebPushSubscription, webPushFingerprint } from './web-push-subscription';

const ecdh = createECDH('prime256v1');
ecdh.generateKeys();
const keys = { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
const production = { allowLoopback: false };
const development = { allowLoopback: true };

/** The field errors a subscription gets, e.g. {"subscription.endpoint": "must be an https:// URL …"}. */
function problems(input: unknown, policy = production): Record<string, string> {
  try {
    parseWebPushSubscription(input, policy);
  } catch (error) {
    return (error as { details: { fields: Record<string, string> } }).details.fields;
  }
  throw new Error('expected the subscription to be refused');
}

describe('Web Push subscription from the authenticator', () => {
  it('takes a browser PushSubscription as toJSON() gives it', () => {
    const endpoint = 'https://fcm.googleapis.com/fcm/send/dGhpcyBpcyBhIHRva2Vu:APA91b';
    expect(parseWebPushSubscription({ endpoint, expirationTime: null, keys }, production)).toEqual({ endpoint, keys });
  });

  it('wants an https:// push service named by host name; http:// and this machine only while Countersign runs on loopback', () => {
    expect(problems({ endpoint: 'http://push.example.com/x', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/must be an https:\/\/ URL/) });
    expect(problems({ endpoint: 'http://push.example.com/x', keys }, development)).toEqual({ 'subscription.endpoint': expect.stringMatching(/must be an https:\/\/ URL/) });
    expect(problems({ endpoint: 'http://127.0.0.1:9000/push/1', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/only while Countersign runs on a loopback URL/) });
    expect(parseWebPushSubscription({ endpoint: 'http://127.0.0.1:9000/push/1', keys }, development).endpoint).toBe('http://127.0.0.1:9000/push/1');
    expect(problems({ endpoint: 'https://10.0.0.5/push', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/by its host name, not this machine or an IP address/) });
    expect(problems({ endpoint: 'https://localhost/push', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/not this machine/) });
    expect(problems({ endpoint: 'ftp://push.example.com/x', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/https:\/\//) });
    expect(problems({ endpoint: 'push.example.com/x', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/not an absolute URL/) });
    expect(problems({ endpoint: 'https://user:pw@push.example.com/x', keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/user name or password/) });
    expect(problems({ endpoint: `https://push.example.com/${'a'.repeat(2100)}`, keys })).toEqual({ 'subscription.endpoint': expect.stringMatching(/longer than 2048/) });
  });

  it('checks the keys: p256dh a 65-byte point on P-256, auth 16 bytes, both base64url', () => {
    const endpoint = 'https://updates.push.services.mozilla.com/wpush/v2/abc';
    expect(problems({ endpoint })).toEqual({ 'subscription.keys': expect.stringMatching(/p256dh and auth/) });
    expect(problems({ endpoint, keys: { ...keys, p256dh: keys.p256dh.slice(0, 40) } })).toEqual({ 'subscription.keys.p256dh': expect.stringMatching(/65-byte .* decodes to 30 bytes/) });
    const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
    expect(problems({ endpoint, keys: { ...keys, p256dh: offCurve } })).toEqual({ 'subscription.keys.p256dh': expect.stringMatching(/not a point on P-256/) });
    expect(problems({ endpoint, keys: { ...keys, auth: randomBytes(12).toString('base64url') } })).toEqual({ 'subscription.keys.auth': expect.stringMatching(/16-byte .* decodes to 12 bytes/) });
    expect(problems({ endpoint, keys: { ...keys, auth: 'not base64!' } })).toEqual({ 'subscription.keys.auth': expect.stringMatching(/base64url/) });
    const padded = { p256dh: `${keys.p256dh}=`, auth: `${keys.auth}==` };
    expect(parseWebPushSubscription({ endpoint, keys: padded }, production).keys).toEqual(keys);
  });

  it('asks for the subscription object when it is missing', () => {
    expect(problems(undefined)).toEqual({ subscription: expect.stringMatching(/PushSubscription/) });
    expect(problems('https://push.example.com')).toEqual({ subscription: expect.stringMatching(/PushSubscription/) });
  });

  it('names a subscription by a digest that is the same for the same subscription and reveals none of it', () => {
    const subscription = parseWebPushSubscription({ endpoint: 'https://push.example.com/a', keys }, production);
    expect(webPushFingerprint(subscription)).toBe(webPushFingerprint({ ...subscription }));
    expect(webPushFingerprint(subscription)).not.toBe(webPushFingerprint({ ...subscription, endpoint: 'https://push.example.com/b' }));
    expect(webPushFingerprint(subscription)).not.toContain(keys.auth);
  });

  it('treats loopback public URLs as development', () => {
    expect(isLoopbackUrl('http://localhost:4000')).toBe(true);
    expect(isLoopbackUrl('http://127.0.0.1:4000')).toBe(true);
    expect(isLoopbackUrl('https://idp.example.com')).toBe(false);
  });
});
