import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { validationError } from '../../errors';
import { canonicalJson } from './signed-payloads';

/** A device's public key as the authenticator sends it: an EC P-256 JWK without `d`. */
export interface DevicePublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
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
