import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSealer, isSealed, UnsealError } from './sealing';

describe('sealing secrets', () => {
  const key = randomBytes(32);

  it('seals so the clear text does not appear, and opens with the same key and context', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('bind-password-123', 'directory:bindPassword');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('bind-password-123');
    expect(sealed).toContain(sealer.keyId);
    expect(sealer.unseal(sealed, 'directory:bindPassword')).toBe('bind-password-123');
  });

  it('refuses a value moved to another field (context is authenticated)', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('x', 'directory:bindPassword');
    expect(() => sealer.unseal(sealed, 'smtp:password')).toThrow(UnsealError);
  });

  it('refuses a tampered value', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('secret', 'c');
    // A character well inside the tag (the last one may carry only padding bits), always changed.
    const at = sealed.length - 3;
    const flipped = (sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1)) as typeof sealed;
    expect(() => sealer.unseal(flipped, 'c')).toThrow(UnsealError);
  });

  it('opens values sealed with a retired key after rotation, and says which key is missing otherwise', () => {
    const old = createSealer(key);
    const sealed = old.seal('secret', 'c');
    const rotated = createSealer(randomBytes(32), [key]);
    expect(rotated.unseal(sealed, 'c')).toBe('secret');
    const lost = createSealer(randomBytes(32));
    expect(() => lost.unseal(sealed, 'c')).toThrow(/no master key with id/);
  });
});
