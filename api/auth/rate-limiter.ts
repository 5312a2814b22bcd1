import type { Redis } from 'ioredis';

/** Counts failures per key in a fixed window; `retryAfterSeconds` when the limit is reached. */
export interface RateLimiter {
  /** Whether `key` may try again now, without counting. */
  check(key: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
  /** Counts one failure. */
  fail(key: string): Promise<void>;
  /** Clears the key after a success. */
  reset(key: string): Promise<void>;
}

export interface RateLimitPolicy {
  limit: number;
  windowSeconds: number;
}

/** Single-node limiter held in memory. */
export function createMemoryRateLimiter(policy: RateLimitPolicy, now: () => number = Date.now): RateLimiter {
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
    async check(key) {
      const w = current(key);
      if (!w || w.count < policy.limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now()) / 1000)) };
    },
    async fail(key) {
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
export function createRedisRateLimiter(redis: Redis, policy: RateLimitPolicy, prefix = 'cs:rl:'): RateLimiter {
  return {
    async check(key) {
      const [count, ttl] = await redis.multi().get(prefix + key).pttl(prefix + key).exec().then((r) => r!.map((x) => x[1]));
      if (Number(count ?? 0) < policy.limit) return { allowed: true };
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)) };
    },
    async fail(key) {
      const count = await redis.incr(prefix + key);
      if (count === 1) await redis.expire(prefix + key, policy.windowSeconds);
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
