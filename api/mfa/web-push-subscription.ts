import { createHash, createPublicKey } from 'node:crypto';
import { isIP } from 'node:net';
import { canonicalJson } from '../domain/device';
import { validationError } from '../errors';

/** A browser's push subscription as `PushSubscription.toJSON()` gives it (RFC 8030 endpoint, RFC 8291 keys). */
export interface WebPushSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface SubscriptionPolicy {
  /**
   * Accept endpoints on this machine (http:// or https:// to a loopback host, IP literals):
   * only while Countersign itself runs on a loopback URL, i.e. in development and tests.
   */
  allowLoopback: boolean;
}

export const MAX_ENDPOINT_LENGTH = 2048;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** Whether a host name is this machine: `localhost`, `*.localhost`, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Whether Countersign runs on a loopback URL (development, tests): then push services on this machine are accepted. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Checks a subscription an authenticator sent and returns it normalised (keys unpadded).
 * The endpoint must be an https:// URL naming a push service by host name, so a device cannot
 * point the push worker at addresses inside the network; every problem is a VALIDATION_FAILED
 * naming the field (`subscription.endpoint`, `subscription.keys.p256dh`, …) and what to send.
 */
export function parseWebPushSubscription(input: unknown, policy: SubscriptionPolicy): WebPushSubscription {
  const fail = (field: string, problem: string) => validationError({ [`subscription${field ? `.${field}` : ''}`]: problem });
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw fail('', 'send {"subscription": …} holding the JSON of the browser\'s PushSubscription (subscription.toJSON())');
  }
  const { endpoint, keys } = input as Record<string, unknown>;
  return { endpoint: parseEndpoint(endpoint, policy, fail), keys: parseKeys(keys, fail) };
}

/** SHA-256 of the subscription (base64url): names it without revealing it, so the same one sent again records nothing. */
export function webPushFingerprint(subscription: WebPushSubscription): string {
  return createHash('sha256').update(canonicalJson(subscription)).digest('base64url');
}

type Fail = (field: string, problem: string) => Error;

function parseEndpoint(endpoint: unknown, policy: SubscriptionPolicy, fail: Fail): string {
  if (typeof endpoint !== 'string' || !endpoint) throw fail('endpoint', 'send the push service URL of the PushSubscription as a string');
  if (endpoint.length > MAX_ENDPOINT_LENGTH) throw fail('endpoint', `is longer than ${MAX_ENDPOINT_LENGTH} characters; send the endpoint exactly as the browser gave it`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw fail('endpoint', 'is not an absolute URL; send the endpoint exactly as the browser gave it');
  }
  if (url.username || url.password) throw fail('endpoint', 'must not carry a user name or password');
  const local = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:') {
    if (!local) throw fail('endpoint', 'must be an https:// URL: push services are reached over https only');
    if (!policy.allowLoopback) throw fail('endpoint', 'must be an https:// URL: http:// to a push service on this machine is accepted only while Countersign runs on a loopback URL (development and tests)');
  } else if (url.protocol !== 'https:') {
    throw fail('endpoint', 'must be an https:// URL of a push service');
  }
  if (!policy.allowLoopback && (local || isIP(url.hostname.replace(/^\[|\]$/g, '')) !== 0)) {
    throw fail('endpoint', 'must name a push service on the internet by its host name, not this machine or an IP address');
  }
  return endpoint;
}

function parseKeys(keys: unknown, fail: Fail): WebPushSubscription['keys'] {
  if (!keys || typeof keys !== 'object') throw fail('keys', 'send the p256dh and auth keys of the PushSubscription ({"p256dh": …, "auth": …})');
  const { p256dh, auth } = keys as Record<string, unknown>;
  const decoded = (field: string, value: unknown, what: string): Buffer => {
    if (typeof value !== 'string' || !BASE64URL.test(value)) throw fail(`keys.${field}`, `send ${what} in base64url, exactly as the browser gave it`);
    return Buffer.from(value, 'base64url');
  };
  const point = decoded('p256dh', p256dh, 'the P-256 public key');
  if (point.length !== 65 || point[0] !== 4) throw fail('keys.p256dh', `must be a 65-byte uncompressed P-256 public key; this one decodes to ${point.length} bytes`);
  try {
    createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  } catch {
    throw fail('keys.p256dh', 'is not a point on P-256; send the key exactly as the browser gave it');
  }
  const secret = decoded('auth', auth, 'the 16-byte authentication secret');
  if (secret.length !== 16) throw fail('keys.auth', `must be the 16-byte authentication secret; this one decodes to ${secret.length} bytes`);
  return { p256dh: point.toString('base64url'), auth: secret.toString('base64url') };
}
