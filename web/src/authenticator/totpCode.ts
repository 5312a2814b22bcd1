import { decodeBase32 } from './internal/decodeBase32';

/** RFC 6238 parameters of a device's TOTP seed, as activation hands them out. */
export interface TotpParameters {
  algorithm: string;
  digits: number;
  period: number;
}

/**
 * Imports a base32 TOTP seed as a non-extractable HMAC-SHA1 key: once stored, the seed
 * itself can no longer be read back out of the browser, only used to make codes.
 */
export async function importTotpKey(seedBase32: string, subtle: SubtleCrypto = crypto.subtle): Promise<CryptoKey> {
  return subtle.importKey('raw', decodeBase32(seedBase32), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
}

/** The RFC 6238 code of `key` at `timestampMs` (HOTP of the time step, RFC 4226 dynamic truncation). */
export async function totpCode(key: CryptoKey, timestampMs: number, params: Pick<TotpParameters, 'digits' | 'period'> = { digits: 6, period: 30 }, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const counter = Math.floor(timestampMs / 1000 / params.period);
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const mac = new Uint8Array(await subtle.sign('HMAC', key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** params.digits).padStart(params.digits, '0');
}

/** Whole seconds until the code changes. */
export function secondsLeft(timestampMs: number, period = 30): number {
  return period - (Math.floor(timestampMs / 1000) % period);
}
