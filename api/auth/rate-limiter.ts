import type { Redis } from 'ioredis';

/** How many failures a key may have in a window before it must wait. */
export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts failures per key in a fixed window that starts at the first failure. The policy is
 * passed on each call so each tenant can tune its own.
 */
export interface RateLimiter {
  /** Whether `key` may try again now, without counting. */
  check(key: string, policy: RateLimitPolicy): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  /** Counts one failure. */
  fail(key: string, policy: RateLimitPolicy): Promise<void>;
  /** Clears the key after a success. */
  reset(key: string): Promise<void>;
}

/** Single-node limiter held in memory. */
export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const current = (key: string) => {
    const w = windows.get(key);
    if (w && w.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return w;
  };
  return {
    async check(key, policy) {
      const w = current(key);
      if (!w || w.count < policy.limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now()) / 1000)) };
    },
    async fail(key, policy) {
      const w = current(key);
      if (w) w.count++;
      else windows.set(key, { count: 1, resetAt: now() + policy.windowSeconds * 1000 });
      if (windows.size > 100_000) for (const k of windows.keys()) if (!current(k)) windows.delete(k);
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

/** Limiter shared by every node through Redis (INCR + EXPIRE per window). */
export function createRedisRateLimiter(redis: Redis, prefix = 'cs:rl:'): RateLimiter {
  return {
    async check(key, policy) {
      const [count, ttl] = await redis.multi().get(prefix + key).pttl(prefix + key).exec().then((r) => r!.map((x) => x[1]));
      if (Number(count ?? 0) < policy.limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)) };
    },
    async fail(key, policy) {
      const count = await redis.incr(prefix + key);
      if (count === 1) await redis.expire(prefix + key, policy.windowSeconds);
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
