import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deriveKey } from '../auth';
import type { AppError } from '../errors';
import { createEnrollmentLink, signEnrollmentToken, verifyEnrollmentLink } from './enrollment-link';

const key = deriveKey(randomBytes(32), 'enrollment-link');
const issuedAt = new Date('2030-01-01T00:00:00Z');
const expiresAt = new Date('2030-01-15T00:00:00Z');
const link = createEnrollmentLink({ publicUrl: 'https://idp.example.com/', key, tenantId: 'acme', tokenPackId: 'tp-1', sendId: 's-1', expiresAt });

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).code;
  }
  return 'accepted';
};

describe('enrollment links', () => {
  it('point at the pack on the public URL and carry a token that verifies until it expires', () => {
    expect(link.url).toBe(`https://idp.example.com/enroll/acme/tp-1?t=${link.token}`);
    const token = new URL(link.url).searchParams.get('t')!;
    expect(verifyEnrollmentLink(token, key, issuedAt, { tenantId: 'acme', tokenPackId: 'tp-1' })).toEqual({
      tenantId: 'acme',
      tokenPackId: 'tp-1',
      sendId: 's-1',
      exp: expiresAt.getTime() / 1000,
    });
  });

  it('says a link expired, and when, from the moment it expires', () => {
    expect(codeOf(() => verifyEnrollmentLink(link.token, key, new Date(expiresAt.getTime() - 1)))).toBe('accepted');
    try {
      verifyEnrollmentLink(link.token, key, expiresAt);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'ENROLLMENT_LINK_EXPIRED', message: expect.stringContaining('expired on 2030-01-15'), details: { expiredAt: expiresAt.toISOString() } });
    }
  });

  it('refuses a token whose payload was changed, even to extend it', () => {
    const [body, signature] = link.token.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const stretched = Buffer.from(JSON.stringify({ ...payload, exp: payload.exp + 86400 * 365 })).toString('base64url');
    expect(codeOf(() => verifyEnrollmentLink(`${stretched}.${signature}`, key, issuedAt))).toBe('ENROLLMENT_LINK_INVALID');
  });

  it('refuses a token signed with another key, cut short, or malformed', () => {
    const other = signEnrollmentToken({ tenantId: 'acme', tokenPackId: 'tp-1', sendId: 's-1', exp: expiresAt.getTime() / 1000 }, deriveKey(randomBytes(32), 'enrollment-link'));
    for (const token of [other, link.token.slice(0, -2), link.token.split('.')[0]!, '', 'a.b.c', `${link.token}=`]) {
      expect(codeOf(() => verifyEnrollmentLink(token, key, issuedAt)), token).toBe('ENROLLMENT_LINK_INVALID');
    }
  });

  it('refuses a valid token presented for another pack or tenant', () => {
    expect(codeOf(() => verifyEnrollmentLink(link.token, key, issuedAt, { tokenPackId: 'tp-2' }))).toBe('ENROLLMENT_LINK_INVALID');
    expect(codeOf(() => verifyEnrollmentLink(link.token, key, issuedAt, { tenantId: 'other' }))).toBe('ENROLLMENT_LINK_INVALID');
  });

  it('refuses a signed payload of the wrong shape', () => {
    const odd = signEnrollmentToken({ tenantId: 'acme', tokenPackId: 'tp-1', sendId: 's-1', exp: 'never' as unknown as number }, key);
    expect(codeOf(() => verifyEnrollmentLink(odd, key, issuedAt))).toBe('ENROLLMENT_LINK_INVALID');
  });
});
