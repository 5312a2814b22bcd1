import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './rate-limiter';

const policy = { limit: 3, windowSeconds: 60 };

describe('memory rate limiter', () => {
  it('blocks after the limit, says when to retry, and lets through after the window', async () => {
    let t = 0;
    const limiter = createMemoryRateLimiter(() => t);
    for (let i = 0; i < 3; i++) {
      expect((await limiter.check('k', policy)).allowed).toBe(true);
      await limiter.fail('k', policy);
    }
    expect(await limiter.check('k', policy)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    t = 30_000;
    expect(await limiter.check('k', policy)).toEqual({ allowed: false, retryAfterSeconds: 30 });
    t = 60_000;
    expect((await limiter.check('k', policy)).allowed).toBe(true);
  });

  it('applies the policy of the call, so a tenant can loosen or tighten it', async () => {
    const limiter = createMemoryRateLimiter(() => 0);
    await limiter.fail('k', policy);
    expect((await limiter.check('k', { limit: 1, windowSeconds: 60 })).allowed).toBe(false);
    expect((await limiter.check('k', { limit: 5, windowSeconds: 60 })).allowed).toBe(true);
  });

  it('resets a key after a success', async () => {
    const limiter = createMemoryRateLimiter();
    await limiter.fail('k', { limit: 1, windowSeconds: 60 });
    await limiter.reset('k');
    expect((await limiter.check('k', { limit: 1, windowSeconds: 60 })).allowed).toBe(true);
  });
});
