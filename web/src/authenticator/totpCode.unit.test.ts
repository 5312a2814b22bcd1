import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { totpCode as serverTotpCode } from '../../../api/mfa/totp';
import { importTotpKey, secondsLeft, totpCode } from './totpCode';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;
/** RFC 6238 appendix B: the SHA-1 seed is the ASCII "12345678901234567890" (base32 below). */
const RFC_SEED = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP from a non-extractable CryptoKey', () => {
  it('matches the RFC 6238 SHA-1 test vectors (8 digits)', async () => {
    const key = await importTotpKey(RFC_SEED, subtle);
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(await totpCode(key, seconds * 1000, { digits: 8, period: 30 }, subtle)).toBe(code);
  });

  it('keeps the seed unreadable: the key cannot be exported', async () => {
    const key = await importTotpKey(RFC_SEED, subtle);
    expect(key.extractable).toBe(false);
    await expect(subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('shows the same 6-digit code as the server computes for a seed it handed out', async () => {
    const seed = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const key = await importTotpKey(seed.toLowerCase(), subtle);
    for (const at of [0, 1_700_000_000_000, 1_700_000_029_999, 1_700_000_030_000]) expect(await totpCode(key, at, undefined, subtle)).toBe(serverTotpCode(seed, at));
  });

  it('counts the seconds until the code changes', () => {
    expect(secondsLeft(1_700_000_000_000)).toBe(10);
    expect(secondsLeft(30_000)).toBe(30);
    expect(secondsLeft(59_999)).toBe(1);
  });

  it('refuses a seed that is not base32', async () => {
    await expect(importTotpKey('not base32!', subtle)).rejects.toThrow(/not a base32 character/);
  });
});
