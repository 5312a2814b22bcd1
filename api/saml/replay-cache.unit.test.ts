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

  it('remembers every ID up to its bound, however long, and reuses the slots of expired ones', () => {
    let now = 0;
    const cache = new InMemoryReplayCache(1_000, () => now);
    const ids = Array.from({ length: 1_000 }, (_, i) => `${'x'.repeat(i % 7 === 0 ? 100_000 : 10)}-${i}`);
    for (const id of ids) expect(cache.seen(id, 60_000)).toBe(false);
    for (const id of ids) expect(cache.seen(id, 60_000)).toBe(true);
    expect(cache.size).toBe(1_000);
    now = 61_000;
    expect(cache.size).toBe(0);
    for (let i = 0; i < 1_000; i++) expect(cache.seen(`later-${i}`, 120_000)).toBe(false);
    for (let i = 0; i < 1_000; i++) expect(cache.seen(`later-${i}`, 120_000)).toBe(true);
  });

  it('when every slot an ID could take holds a live ID, the one expiring soonest makes room', () => {
    // A bound of 16 gives 32 slots, all within reach of any ID.
    const cache = new InMemoryReplayCache(16, () => 0);
    for (let i = 0; i < 32; i++) cache.seen(`id-${i}`, (i + 1) * 1_000);
    expect(cache.size).toBe(32);
    expect(cache.seen('newcomer', 100_000)).toBe(false);
    expect(cache.size).toBe(32);
    expect(cache.seen('id-31', 32_000)).toBe(true);
    expect(cache.seen('newcomer', 100_000)).toBe(true);
    expect(cache.seen('id-0', 1_000)).toBe(false); // it made room
  });
});
