import { describe, expect, it } from 'vitest';
import { InMemoryReplayCache } from './index';

describe('InMemoryReplayCache', () => {
  it('reports an ID seen before until it expires', () => {
    let now = 1_000;
    const cache = new InMemoryReplayCache(10, () => now);
    expect(cache.seen('a', 2_000)).toBe(false);
    expect(cache.seen('a', 2_000)).toBe(true);
    now = 2_000;
    expect(cache.seen('a', 3_000)).toBe(false);
  });

  it('stays within its bound, dropping expired entries first and then the oldest', () => {
    let now = 0;
    const cache = new InMemoryReplayCache(3, () => now);
    for (const id of ['a', 'b', 'c']) cache.seen(id, 100);
    expect(cache.size).toBe(3);
    cache.seen('d', 200);
    expect(cache.size).toBe(3);
    expect(cache.seen('b', 100)).toBe(true);
    now = 150;
    cache.seen('e', 300);
    expect(cache.size).toBe(2);
    for (let i = 0; i < 10_000; i++) cache.seen(`x${i}`, 1_000);
    expect(cache.size).toBe(3);
  });
});
