import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { validationError } from '../../errors';

/** A device's public key as the authenticator sends it: an EC P-256 JWK without `d`. */
export interface DevicePublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** What a device decides about a push challenge; "report-fraud" is "deny, this wasn't me". */
export type ChallengeDecision = 'approve' | 'deny' | 'report-fraud';

/**
 * The canonical JSON form of a value (RFC 8785 for the values devices sign: strings,
 * integers, booleans, null, arrays and objects): object members sorted by key (UTF-16 code
 * units), no white space, strings and numbers written as `JSON.stringify` writes them.
 * Members whose value is `undefined` are refused rather than dropped, so a signer and a
 * verifier can never disagree about a missing field.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, member] of entries) if (member === undefined) throw new TypeError(`canonical JSON member "${key}" is undefined`);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for ${typeof value}`);
}

/**
 * The bytes a device signs to answer a challenge: the canonical JSON of exactly
 * `{challengeId, decision, number}`, e.g.
 * `{"challengeId":"3f0c…","decision":"approve","number":42}`. `number` is the number the user
 * chose on the device, or null when denying without choosing one.
 */
export function challengeAnswerPayload(answer: { challengeId: string; decision: ChallengeDecision; number: number | null }): string {
  return canonicalJson({ challengeId: answer.challengeId, decision: answer.decision, number: answer.number });
}

/** The bytes a device signs to open its live channel: `{"deviceId":…,"nonce":…,"purpose":"device-channel"}`. */
export function channelProofPayload(deviceId: string, nonce: string): string {
  return canonicalJson({ deviceId, nonce, purpose: 'device-channel' });
}

/**
 * The bytes a device signs to call the device API over HTTP (list or revoke devices):
 * `{"deviceId":…,"method":"POST","path":"/api/devices/…/revoke","purpose":"device-request","timestamp":…}`,
 * timestamp in milliseconds since the epoch.
 */
export function deviceRequestPayload(input: { deviceId: string; method: string; path: string; timestamp: number }): string {
  return canonicalJson({ deviceId: input.deviceId, method: input.method.toUpperCase(), path: input.path, purpose: 'device-request', timestamp: input.timestamp });
}

/**
 * Checks and normalises a public key an authenticator sent: an EC P-256 JWK. A JWK that
 * carries the private part (`d`) is refused: the private key never leaves the device.
 */
export function parseDevicePublicKey(input: unknown): DevicePublicKeyJwk {
  const bad = (problem: string) => validationError({ publicKeyJwk: problem });
  if (!input || typeof input !== 'object') throw bad('send the device public key as a JWK object');
  const jwk = input as Record<string, unknown>;
  if ('d' in jwk) throw bad('this JWK holds a private key; send only the public key and keep the private key on the device');
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw bad('use an ECDSA P-256 key (kty "EC", crv "P-256", x, y)');
  const key: DevicePublicKeyJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  try {
    publicKeyOf(key);
  } catch {
    throw bad('the x and y coordinates are not a point on P-256');
  }
  return key;
}

/** RFC 7638 thumbprint (SHA-256, base64url): a short, stable name for a device key. */
export function keyThumbprint(jwk: DevicePublicKeyJwk): string {
  return createHash('sha256').update(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest('base64url');
}

const keyCache = new Map<string, KeyObject>();

function publicKeyOf(jwk: DevicePublicKeyJwk): KeyObject {
  const cacheKey = `${jwk.x}.${jwk.y}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, format: 'jwk' });
    if (keyCache.size > 10_000) keyCache.clear();
    keyCache.set(cacheKey, key);
  }
  return key;
}

/**
 * Whether `signature` (base64url of the 64-byte IEEE P1363 `r‖s` form that WebCrypto
 * produces) is the device key's ECDSA P-256 / SHA-256 signature of `payload` (UTF-8).
 * Deterministic and free of I/O, so deciders may call it.
 */
export function verifyDeviceSignature(jwk: DevicePublicKeyJwk, payload: string, signature: string): boolean {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9_-]{86}$/.test(signature)) return false;
  const bytes = Buffer.from(signature, 'base64url');
  if (bytes.length !== 64) return false;
  try {
    return verify('sha256', Buffer.from(payload, 'utf8'), { key: publicKeyOf(jwk), dsaEncoding: 'ieee-p1363' }, bytes);
  } catch {
    return false;
  }
}
