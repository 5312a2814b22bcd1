import { describe, expect, it } from 'vitest';
import { hashPin, pinProblem, pinWaitSeconds, verifyPin } from './pinLock';

describe('app PIN', () => {
  it('stores only a salted PBKDF2 hash, and checks a PIN against it', async () => {
    const stored = await hashPin('2580', 1000);
    expect(JSON.stringify(stored)).not.toContain('2580');
    expect(stored).toMatchObject({ iterations: 1000, hash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), salt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(await verifyPin('2580', stored)).toBe(true);
    expect(await verifyPin('2581', stored)).toBe(false);
    expect((await hashPin('2580', 1000)).hash).not.toBe(stored.hash);
  });

  it('lets five wrong PINs go, then makes each further try wait longer, up to an hour', () => {
    expect([0, 1, 4].map(pinWaitSeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(pinWaitSeconds)).toEqual([30, 60, 120, 240]);
    expect(pinWaitSeconds(30)).toBe(3600);
  });

  it('says what is wrong with a weak or malformed PIN', () => {
    expect(pinProblem('12a4')).toBe('Use digits only.');
    expect(pinProblem('123')).toMatch(/4 to 12 digits/);
    expect(pinProblem('0000')).toMatch(/repeat/);
    expect(pinProblem('4321')).toMatch(/run of digits/);
    expect(pinProblem('2580')).toBeUndefined();
  });
});
