import { describe, expect, it } from 'vitest';
import { newEventId } from './new-event-id';

describe('newEventId', () => {
  it('makes version 7 UUIDs that carry their time and sort by it', () => {
    const earlier = newEventId(Date.UTC(2026, 0, 1));
    const later = newEventId(Date.UTC(2026, 0, 1) + 1);
    expect(earlier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(earlier.slice(0, 8) + earlier.slice(9, 13), 16)).toBe(Date.UTC(2026, 0, 1));
    expect(earlier < later).toBe(true);
  });

  it('differs each time within the same millisecond', () => {
    const ids = new Set(Array.from({ length: 1_000 }, () => newEventId(0)));
    expect(ids.size).toBe(1_000);
  });
});
