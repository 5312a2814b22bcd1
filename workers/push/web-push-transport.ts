import { createHash } from 'node:crypto';
import webpush from 'web-push';
import type { PushNotice, PushTransport } from '../../api/mfa/push-transport';
import type { VapidKeys } from '../../api/mfa/vapid-keys';
import type { WebPushSubscription } from '../../api/mfa/web-push-subscription';
import { PermanentJobError } from '../job-queue';
import { PushRegistrationGoneError } from './push-registration-gone-error';

export interface WebPushTransportOptions {
  vapid: VapidKeys & {
    /** The VAPID `sub` claim: a mailto: or https: URL push services can contact (`vapidSubjectOf`). */
    subject: string;
  };
  /** How long one request to a push service may take (default 10 s). */
  timeoutMs?: number;
}

/** What the authenticator's service worker receives: the notice, never the number itself. */
export interface WebPushPayload {
  type: 'challenge';
  challenge: PushNotice;
}

/** Push services take at most 4096 encrypted bytes; the plaintext stays well below that. */
const MAX_PAYLOAD_BYTES = 3_000;
const MAX_BROWSER_CHARS = 200;

/** The `Topic` of a challenge's notice: 32 base64url characters, so a re-sent notice replaces the undelivered one. */
export function webPushTopic(challengeId: string): string {
  return createHash('sha256').update(challengeId).digest('base64url').slice(0, 32);
}

/** The JSON the device gets; a very long browser description is shortened to stay within the push size limit. */
export function webPushPayload(notice: PushNotice): string {
  const payload = JSON.stringify({ type: 'challenge', challenge: notice } satisfies WebPushPayload);
  if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES || !notice.browser) return payload;
  return JSON.stringify({ type: 'challenge', challenge: { ...notice, browser: `${notice.browser.slice(0, MAX_BROWSER_CHARS)}…` } } satisfies WebPushPayload);
}

/**
 * Web Push (RFC 8030) with an aes128gcm-encrypted payload (RFC 8291) and a VAPID ES256 JWT
 * (RFC 8292): the `web-push` library encrypts and signs, this adapter posts with `fetch` and
 * turns the push service's answer into the queue's terms. `TTL` is the time left to answer,
 * `Urgency: high` wakes the device, `Topic` collapses re-sends of one challenge. 404/410 throw
 * `PushRegistrationGoneError`; 429, 5xx and network failures throw a plain Error (retried);
 * any other refusal is a `PermanentJobError`. The `Location` of the created message is the
 * provider id. Push services have no idempotency key: a retry after a lost answer may show
 * the notice twice, and the Topic makes the second replace the first where it was not yet shown.
 */
export function createWebPushTransport(options: WebPushTransportOptions): PushTransport {
  const vapidDetails = { subject: options.vapid.subject, publicKey: options.vapid.publicKey, privateKey: options.vapid.privateKey };
  const timeoutMs = options.timeoutMs ?? 10_000;

  return {
    channel: 'webpush',
    async send(address, notice, { ttlSeconds }) {
      const subscription = subscriptionOf(address);
      const origin = new URL(subscription.endpoint).origin;
      const details = webpush.generateRequestDetails(subscription, webPushPayload(notice), {
        vapidDetails, TTL: Math.max(0, Math.floor(ttlSeconds)), urgency: 'high', topic: webPushTopic(notice.challengeId), contentEncoding: 'aes128gcm',
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(details.headers)) if (name.toLowerCase() !== 'content-length') headers[name] = String(value);
      let response: Response;
      try {
        response = await fetch(details.endpoint, { method: 'POST', headers, body: details.body ? new Uint8Array(details.body) : undefined, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        throw new Error(`The push service ${origin} could not be reached: ${(error as Error).message}`);
      }
      const text = (await response.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
      const said = `The push service ${origin} answered ${response.status}${text ? ` (${text})` : ''}`;
      if (response.status >= 200 && response.status < 300) return { providerId: response.headers.get('location') ?? '' };
      if (response.status === 404 || response.status === 410) throw new PushRegistrationGoneError(`${said}: the device's Web Push subscription no longer exists`);
      if (response.status === 429 || response.status >= 500) {
        const retryAfter = response.headers.get('retry-after');
        throw new Error(`${said}; will try again${retryAfter ? ` (it asked to wait ${retryAfter} s)` : ''}`);
      }
      throw new PermanentJobError(`${said}: the notice was refused`);
    },
    async close() {},
  };
}

function subscriptionOf(address: string): WebPushSubscription {
  try {
    const parsed = JSON.parse(address) as WebPushSubscription;
    if (typeof parsed.endpoint === 'string' && typeof parsed.keys?.p256dh === 'string' && typeof parsed.keys.auth === 'string') return parsed;
  } catch {
    // handled below
  }
  throw new PermanentJobError('The stored Web Push registration is not a PushSubscription; the device must subscribe again.');
}
