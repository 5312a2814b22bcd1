import { describe, expect, it } from 'vitest';
import { fromBullMqJobId, toBullMqJobId } from './bullmq-job-id';

describe('BullMQ job id escaping', () => {
  const ids = ['evt-1', '42', '-7', '007', 'a:b', 'tenant:t1:evt:9', '%', '%3A', '%25', '%I7', '%I', 'ü:1', '1e3', ''];

  it('gives BullMQ ids it accepts: no ":" and nothing that reads as an integer', () => {
    for (const id of ids) {
      const escaped = toBullMqJobId(id);
      expect(escaped).not.toContain(':');
      expect(`${parseInt(escaped, 10)}`).not.toBe(escaped);
    }
  });

  it('restores every id exactly and keeps distinct ids distinct', () => {
    for (const id of ids) expect(fromBullMqJobId(toBullMqJobId(id))).toBe(id);
    expect(new Set(ids.map(toBullMqJobId)).size).toBe(ids.length);
  });

  it('leaves ordinary ids such as UUIDs unchanged', () => {
    expect(toBullMqJobId('5f0c7a9e-1b2c-4d3e-8f90-a1b2c3d4e5f6')).toBe('5f0c7a9e-1b2c-4d3e-8f90-a1b2c3d4e5f6');
  });
});
