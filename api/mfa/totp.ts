import { Secret, TOTP } from 'otpauth';

/** RFC 6238 parameters every Countersign device uses: what authenticator apps assume by default. */
export const TOTP_PARAMETERS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Steps either side of now a code may come from (RFC 6238 §5.2: one step for network delay). */
export const TOTP_WINDOW = 1;

/** A new 160-bit TOTP seed (RFC 4226 R6), base32, for one device. */
export function newTotpSeed(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/...` URI of a seed (Google Key URI format), for a QR code or an import. */
export function totpUri(seedBase32: string, account: { issuer: string; label: string }): string {
  return new TOTP({ ...TOTP_PARAMETERS, issuer: account.issuer, label: account.label, secret: Secret.fromBase32(seedBase32) }).toString();
}

/** The code a seed shows at a time (the authenticator's side, and tests). */
export function totpCode(seedBase32: string, timestampMs: number): string {
  return new TOTP({ ...TOTP_PARAMETERS, secret: Secret.fromBase32(seedBase32) }).generate({ timestamp: timestampMs });
}

/**
 * Checks a code against a seed at `timestampMs`, accepting the previous, current and next
 * step. Returns the time step the code belongs to (the device records it so the same code
 * cannot be used twice), or null. Pure: the clock comes in as an argument.
 */
export function matchTotp(seedBase32: string, code: string, timestampMs: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = new TOTP({ ...TOTP_PARAMETERS, secret: Secret.fromBase32(seedBase32) }).validate({ token, timestamp: timestampMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  return TOTP.counter({ period: TOTP_PARAMETERS.period, timestamp: timestampMs }) + delta;
}
