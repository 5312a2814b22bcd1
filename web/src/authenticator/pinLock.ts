import { fromBase64url, toBase64url } from './internal/base64url';

/** A PIN as stored: only its PBKDF2-SHA-256 hash and salt, never the PIN. */
export interface StoredPin {
  hash: string;
  salt: string;
  iterations: number;
}

/** Wrong PINs allowed before each further try has to wait. */
export const FREE_PIN_TRIES = 5;
/** PBKDF2-HMAC-SHA-256 iterations (OWASP's 2023 figure). */
export const PIN_ITERATIONS = 600_000;
const MIN_PIN = 4;
const MAX_PIN = 12;

/** Why a new PIN cannot be used, or undefined when it can. */
export function pinProblem(pin: string): string | undefined {
  if (!/^\d+$/.test(pin)) return 'Use digits only.';
  if (pin.length < MIN_PIN || pin.length > MAX_PIN) return `Use ${MIN_PIN} to ${MAX_PIN} digits.`;
  if (/^(\d)\1+$/.test(pin)) return 'Do not repeat one digit; pick a PIN that is harder to guess.';
  if ('0123456789012'.includes(pin) || '9876543210987'.includes(pin)) return 'Do not use a run of digits such as 1234; pick a PIN that is harder to guess.';
  return undefined;
}

/**
 * Seconds the next try must wait after `failures` wrong PINs in a row: none for the first
 * five, then 30 s, doubling each time, at most an hour.
 */
export function pinWaitSeconds(failures: number): number {
  if (failures < FREE_PIN_TRIES) return 0;
  return Math.min(30 * 2 ** (failures - FREE_PIN_TRIES), 3600);
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number, subtle: SubtleCrypto): Promise<string> {
  const material = await subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, material, 256);
  return toBase64url(bits);
}

/** Hashes a new PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS, subtle: SubtleCrypto = crypto.subtle): Promise<StoredPin> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { hash: await derive(pin, salt, iterations, subtle), salt: toBase64url(salt), iterations };
}

/** Whether `pin` is the one `stored` was made from. */
export async function verifyPin(pin: string, stored: StoredPin, subtle: SubtleCrypto = crypto.subtle): Promise<boolean> {
  const hash = await derive(pin, fromBase64url(stored.salt), stored.iterations, subtle);
  let diff = hash.length ^ stored.hash.length;
  for (let i = 0; i < Math.min(hash.length, stored.hash.length); i++) diff |= hash.charCodeAt(i) ^ stored.hash.charCodeAt(i);
  return diff === 0;
}
