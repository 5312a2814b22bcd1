import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

/** How long a token pack's enrollment link works unless a send says otherwise. */
export const DEFAULT_ENROLLMENT_LINK_DAYS = 14;

/** What an enrollment link vouches for. `exp` is in seconds since the epoch. */
export interface EnrollmentLinkPayload {
  tenantId: string;
  tokenPackId: string;
  sendId: string;
  exp: number;
}

export interface EnrollmentLinkInput {
  /** `config.publicUrl`, without a trailing slash. */
  publicUrl: string;
  /** `deriveKey(masterKey, 'enrollment-link')`. */
  key: Buffer;
  tenantId: string;
  tokenPackId: string;
  sendId: string;
  expiresAt: Date;
}

/**
 * `<publicUrl>/enroll/<tenantId>/<tokenPackId>?t=<token>`: what the token pack email carries,
 * as QR code and as the "open on this phone" link. The token is the base64url JSON payload
 * and its HMAC-SHA256, so it can be checked without storing it and cannot be stretched or
 * moved to another pack.
 */
export function createEnrollmentLink(input: EnrollmentLinkInput): { url: string; token: string } {
  const token = signEnrollmentToken(
    { tenantId: input.tenantId, tokenPackId: input.tokenPackId, sendId: input.sendId, exp: Math.floor(input.expiresAt.getTime() / 1000) },
    input.key,
  );
  const url = `${input.publicUrl.replace(/\/+$/, '')}/enroll/${encodeURIComponent(input.tenantId)}/${encodeURIComponent(input.tokenPackId)}?t=${token}`;
  return { url, token };
}

export function signEnrollmentToken(payload: EnrollmentLinkPayload, key: Buffer): string {
  assertKey(key);
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

/**
 * Checks a token from an enrollment link: its signature, then its expiry, then (when given)
 * that it belongs to the tenant and token pack of the URL it came in. Throws
 * ENROLLMENT_LINK_INVALID for anything altered or malformed and ENROLLMENT_LINK_EXPIRED once
 * `now` has reached the expiry.
 */
export function verifyEnrollmentLink(
  token: string,
  key: Buffer,
  now: Date,
  expected: { tenantId?: string; tokenPackId?: string } = {},
): EnrollmentLinkPayload {
  assertKey(key);
  const invalid = () => new AppError('ENROLLMENT_LINK_INVALID');
  const parts = token.split('.');
  if (parts.length !== 2 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) throw invalid();
  const [body, signature] = parts as [string, string];
  const given = Buffer.from(signature, 'base64url');
  const wanted = mac(key, body);
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw invalid();
  const payload = parsePayload(body);
  if (!payload) throw invalid();
  if (expected.tenantId !== undefined && payload.tenantId !== expected.tenantId) throw invalid();
  if (expected.tokenPackId !== undefined && payload.tokenPackId !== expected.tokenPackId) throw invalid();
  if (payload.exp * 1000 <= now.getTime()) {
    const expiredAt = new Date(payload.exp * 1000).toISOString();
    throw new AppError('ENROLLMENT_LINK_EXPIRED', `This enrollment link expired on ${expiredAt.slice(0, 10)}; ask your administrator to send the token pack again.`, { expiredAt });
  }
  return payload;
}

function mac(key: Buffer, body: string): Buffer {
  return createHmac('sha256', key).update(`countersign-enrollment-link.v1.${body}`).digest();
}

function parsePayload(body: string): EnrollmentLinkPayload | null {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { tenantId, tokenPackId, sendId, exp } = value;
    if (typeof tenantId !== 'string' || typeof tokenPackId !== 'string' || typeof sendId !== 'string' || !Number.isSafeInteger(exp)) return null;
    return { tenantId, tokenPackId, sendId, exp: exp as number };
  } catch {
    return null;
  }
}

function assertKey(key: Buffer): void {
  if (key.length < 32) throw new Error('the enrollment-link key must be at least 32 bytes (use deriveKey(masterKey, "enrollment-link"))');
}
