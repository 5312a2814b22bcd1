import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../api/eventstore';
import { mfaMailReactor } from './mfa-mail.reactor';
import { pushReactor } from './push.reactor';

const recorded = (type: string, data: object): RecordedEvent =>
  ({ eventId: 'e1', type, data, streamId: 's', revision: 0n, position: 1n, recordedAt: '', metadata: { tenantId: 't1', actor: { kind: 'system', id: 'x' }, correlationId: 'c', causationId: 'c', timestamp: '' } }) as RecordedEvent;

describe('second-factor reactors', () => {
  it('an issued push to devices on the live channel alone queues nothing: the device hub delivers, the sweeper expires', () => {
    expect(pushReactor.react(recorded('PushChallengeIssued', { challengeId: 'c1', signInId: 's1', deviceIds: ['d1'], pushDeviceIds: [], issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:01:00.000Z' }))).toEqual([]);
  });

  it('each device the push went to gets one delivery job (challenges from before pushDeviceIds), named by the device so a replay adds none', () => {
    const jobs = pushReactor.react(recorded('PushChallengeIssued', { challengeId: 'c1', signInId: 's1', deviceIds: ['d1', 'd2'], issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:01:00.000Z' }));
    expect(jobs).toEqual([
      { queue: 'push', name: 'deliver-push', key: 'deliver-push:d1', data: { tenantId: 't1', challengeId: 'c1', signInId: 's1', deviceId: 'd1' }, options: expect.objectContaining({ attempts: 5 }) },
      { queue: 'push', name: 'deliver-push', key: 'deliver-push:d2', data: { tenantId: 't1', challengeId: 'c1', signInId: 's1', deviceId: 'd2' }, options: expect.objectContaining({ attempts: 5 }) },
    ]);
  });

  it('only devices with a push registration get a delivery job; the live channel needs none', () => {
    const jobs = pushReactor.react(recorded('PushChallengeIssued', { challengeId: 'c1', signInId: 's1', deviceIds: ['d1', 'd2'], pushDeviceIds: ['d2'], issuedAt: '2026-01-01T00:00:00.000Z', expiresAt: '2026-01-01T00:01:00.000Z' }));
    expect(jobs.map((job) => job.key)).toEqual(['deliver-push:d2']);
  });

  it('mails an emailed activation code and every activation with an address, and nothing else', () => {
    expect(mfaMailReactor.react(recorded('ActivationCodeIssued', { enrollmentId: 'e', codeId: 'k', delivery: 'email', email: 'jo@example.test' }))).toEqual([
      expect.objectContaining({ queue: 'mail', name: 'activation-code', data: { tenantId: 't1', enrollmentId: 'e', codeId: 'k' } }),
    ]);
    expect(mfaMailReactor.react(recorded('ActivationCodeIssued', { enrollmentId: 'e', codeId: 'k', delivery: 'trusted-network', email: null }))).toEqual([]);
    expect(mfaMailReactor.react(recorded('EnrollmentActivated', { enrollmentId: 'e', deviceId: 'd', email: 'jo@example.test' }))).toEqual([
      expect.objectContaining({ queue: 'mail', name: 'new-device-notice', data: { tenantId: 't1', enrollmentId: 'e', deviceId: 'd' } }),
    ]);
    expect(mfaMailReactor.react(recorded('EnrollmentActivated', { enrollmentId: 'e', deviceId: 'd', email: null }))).toEqual([]);
  });
});
