import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../event-store';
import { StreamCache } from './stream-cache';

const ev = (streamId: string, revision: bigint): RecordedEvent => ({
  eventId: `${streamId}-${revision}`, type: 'X', data: {}, streamId, revision, position: revision + 1n, recordedAt: '',
  metadata: { tenantId: 't', actor: { kind: 'system', id: 's' }, correlationId: 'c', causationId: 'c', timestamp: '' },
});

describe('stream cache', () => {
  it('follows commits in order and returns copies', () => {
    const cache = new StreamCache(10);
    cache.committed([ev('a', 0n), ev('a', 1n)]);
    const read = cache.get('a')!;
    expect(read.map((e) => e.revision)).toEqual([0n, 1n]);
    read.pop();
    expect(cache.get('a')).toHaveLength(2);
  });

  it('drops a stream when a commit does not follow what it holds, rather than serve a gap', () => {
    const cache = new StreamCache(10);
    cache.remember('a', [ev('a', 0n)]);
    cache.committed([ev('a', 2n)]);
    expect(cache.get('a')).toBeUndefined();
    cache.committed([ev('b', 3n)]);
    expect(cache.get('b')).toBeUndefined();
  });

  it('evicts the least recently used stream', () => {
    const cache = new StreamCache(2);
    cache.remember('a', [ev('a', 0n)]);
    cache.remember('b', [ev('b', 0n)]);
    cache.get('a');
    cache.remember('c', [ev('c', 0n)]);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });
});
