import { describe, expect, it } from 'vitest';
import { createMemoryRateLimiter } from './rate-limiter';

describe('memory rate limiter', () => {
  it('blocks after the limit, says when to retry, and lets through after the window', async () => {
    let t = 0;
    const limiter = createMemoryRateLimiter({ limit: 3, windowSeconds: 60 }, () => t);
    for (let i = 0; i < 3; i++) {
      expect((await limiter.check('k')).allowed).toBe(true);
      await limiter.fail('k');
    }
    expect(await limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 60 });
    t = 30_000;
    expect(await limiter.check('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
    t = 60_000;
    expect((await limiter.check('k')).allowed).toBe(true);
  });

  it('resets a key after a success', async () => {
    const limiter = createMemoryRateLimiter({ limit: 1, windowSeconds: 60 });
    await limiter.fail('k');
    await limiter.reset('k');
    expect((await limiter.check('k')).allowed).toBe(true);
  });
});
