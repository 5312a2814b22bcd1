import { describe, expect, it } from 'vitest';
import { resolveJobOptions, retryDelayMs } from './job-settings';

describe('job settings', () => {
  it('defaults to 5 attempts, 1 s first backoff and no delay', () => {
    expect(resolveJobOptions({ jobId: 'j' })).toEqual({ jobId: 'j', attempts: 5, backoffMs: 1000, delayMs: 0 });
  });

  it('refuses options no queue could honour, saying which', () => {
    expect(() => resolveJobOptions({ jobId: '' })).toThrow('jobId must be a non-empty string');
    expect(() => resolveJobOptions({ jobId: 'j', attempts: 0 })).toThrow(/attempts/);
    expect(() => resolveJobOptions({ jobId: 'j', attempts: 1.5 })).toThrow(/attempts/);
    expect(() => resolveJobOptions({ jobId: 'j', backoffMs: -1 })).toThrow(/backoffMs/);
    expect(() => resolveJobOptions({ jobId: 'j', delayMs: Number.NaN })).toThrow(/delayMs/);
  });

  it('doubles the retry delay after each failed try', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(1000, attempt))).toEqual([1000, 2000, 4000, 8000]);
  });
});
