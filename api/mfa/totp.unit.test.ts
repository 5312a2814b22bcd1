import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { matchTotp, newTotpSeed, totpCode, totpUri } from './totp';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890"; the 6-digit codes are the last 6 of the 8-digit vectors.
const RFC_SEED = Secret.fromUTF8('12345678901234567890').base32;

describe('TOTP (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totpCode(RFC_SEED, 59_000)).toBe('287082');
    expect(totpCode(RFC_SEED, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SEED, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(RFC_SEED, 2_000_000_000_000)).toBe('279037');
  });

  it('accepts one step either side and returns the step the code belongs to', () => {
    const now = 1_234_567_890_000;
    const step = Math.floor(now / 30_000);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, now), now)).toBe(step);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, now - 30_000), now)).toBe(step - 1);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, now + 30_000), now)).toBe(step + 1);
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, now - 60_000), now)).toBeNull();
    expect(matchTotp(RFC_SEED, totpCode(RFC_SEED, now + 60_000), now)).toBeNull();
  });

  it('takes spaces in a typed code and refuses anything that is not six digits', () => {
    const now = 59_000;
    expect(matchTotp(RFC_SEED, '287 082', now)).toBe(1);
    expect(matchTotp(RFC_SEED, '28708', now)).toBeNull();
    expect(matchTotp(RFC_SEED, 'abcdef', now)).toBeNull();
  });

  it('makes 160-bit seeds and a standard otpauth URI', () => {
    const seed = newTotpSeed();
    expect(Buffer.from(Secret.fromBase32(seed).buffer).length).toBe(20);
    expect(totpUri(seed, { issuer: 'Countersign', label: 'jo' })).toMatch(/^otpauth:\/\/totp\/Countersign:jo\?issuer=Countersign&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/);
  });
});
