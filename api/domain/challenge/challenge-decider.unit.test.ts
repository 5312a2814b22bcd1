import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import { challengeAnswerPayload, type ChallengeDecision, type DevicePublicKeyJwk } from '../device';
import { challengeDecider, type ChallengeCommand } from './challenge-decider';
import type { ChallengeEvent, IssuedChallenge } from './events';
import { DEFAULT_PUSH_LIMITS, type RecentChallenge } from './push-limits';

const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const device = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    publicKey: publicKey.export({ format: 'jwk' }) as unknown as DevicePublicKeyJwk,
    sign: (challengeId: string, decision: ChallengeDecision, number: number | null) =>
      sign('sha256', Buffer.from(challengeAnswerPayload({ challengeId, decision, number })), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url'),
  };
};
const phone = device();
const tablet = device();
const challenge: IssuedChallenge = {
  challengeId: 'c1', signInId: 's1', serviceId: 'svc', serviceName: 'Test app', directoryConnectorId: 'dir', username: 'jo', userKey: 'dir.jo',
  deviceIds: ['phone', 'tablet'], number: 42, numberChoices: [17, 42, 88], clientIp: '198.51.100.7', browser: 'Firefox', issuedAt: at(0), expiresAt: at(60),
};
const issued: ChallengeEvent = { type: 'PushChallengeIssued', data: challenge };
const given = (...events: ChallengeEvent[]) => fold(challengeDecider, events);
const answer = (over: Partial<Extract<ChallengeCommand, { type: 'Answer' }>> & { decision: ChallengeDecision; number: number | null }): ChallengeCommand => ({
  type: 'Answer', deviceId: 'phone', device: { status: 'active', publicKey: phone.publicKey }, signature: phone.sign('c1', over.decision, over.number), now: at(10), ...over,
});
const errorCode = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return 'no error';
};

describe('push challenge decider: answers', () => {
  it('approves when the device signs the number the sign-in page shows', () => {
    expect(challengeDecider.decide(answer({ decision: 'approve', number: 42 }), given(issued))).toEqual([
      { type: 'ChallengeApproved', data: { challengeId: 'c1', signInId: 's1', deviceId: 'phone', number: 42 } },
    ]);
  });

  it('wrong number: the challenge fails (no second guess)', () => {
    const events = challengeDecider.decide(answer({ decision: 'approve', number: 17 }), given(issued));
    expect(events).toEqual([{ type: 'ChallengeFailed', data: { challengeId: 'c1', signInId: 's1', deviceId: 'phone', reason: 'WRONG_NUMBER', chosen: 17 } }]);
    expect(errorCode(() => challengeDecider.decide(answer({ decision: 'approve', number: 42 }), given(issued, ...events)))).toBe('CHALLENGE_NOT_PENDING');
  });

  it('denied; "this wasn\'t me" is also recorded as a fraud report', () => {
    expect(challengeDecider.decide(answer({ decision: 'deny', number: null }), given(issued))).toEqual([
      { type: 'ChallengeDenied', data: { challengeId: 'c1', signInId: 's1', deviceId: 'phone', fraud: false } },
    ]);
    const fraud = challengeDecider.decide(answer({ decision: 'report-fraud', number: null }), given(issued));
    expect(fraud.map((e) => e.type)).toEqual(['ChallengeDenied', 'FraudReported']);
    expect(fraud[1]).toMatchObject({ data: { username: 'jo', clientIp: '198.51.100.7', serviceName: 'Test app' } });
  });

  it('expired: an answer after the expiry is refused, and Expire records it', () => {
    expect(errorCode(() => challengeDecider.decide(answer({ decision: 'approve', number: 42, now: at(60) }), given(issued)))).toBe('CHALLENGE_EXPIRED');
    expect(challengeDecider.decide({ type: 'Expire', now: at(59) }, given(issued))).toEqual([]);
    const expired = challengeDecider.decide({ type: 'Expire', now: at(61) }, given(issued));
    expect(expired).toEqual([{ type: 'ChallengeExpired', data: { challengeId: 'c1', signInId: 's1' } }]);
    expect(errorCode(() => challengeDecider.decide(answer({ decision: 'approve', number: 42 }), given(issued, ...expired)))).toBe('CHALLENGE_EXPIRED');
  });

  it('a replayed approval (the same signed answer sent twice) is refused', () => {
    const first = answer({ decision: 'approve', number: 42 });
    const approved = challengeDecider.decide(first, given(issued));
    expect(errorCode(() => challengeDecider.decide(first, given(issued, ...approved)))).toBe('CHALLENGE_NOT_PENDING');
    // The other device cannot answer a decided challenge either.
    const late = answer({ decision: 'approve', number: 42, deviceId: 'tablet', device: { status: 'active', publicKey: tablet.publicKey }, signature: tablet.sign('c1', 'approve', 42) });
    expect(errorCode(() => challengeDecider.decide(late, given(issued, ...approved)))).toBe('CHALLENGE_NOT_PENDING');
  });

  it("an approval signed by another device's key is refused", () => {
    const forged = answer({ decision: 'approve', number: 42, signature: tablet.sign('c1', 'approve', 42) });
    expect(errorCode(() => challengeDecider.decide(forged, given(issued)))).toBe('DEVICE_SIGNATURE_INVALID');
    const otherChallenge = answer({ decision: 'approve', number: 42, signature: phone.sign('c2', 'approve', 42) });
    expect(errorCode(() => challengeDecider.decide(otherChallenge, given(issued)))).toBe('DEVICE_SIGNATURE_INVALID');
    const deniedTurnedApproved = answer({ decision: 'approve', number: 42, signature: phone.sign('c1', 'deny', null) });
    expect(errorCode(() => challengeDecider.decide(deniedTurnedApproved, given(issued)))).toBe('DEVICE_SIGNATURE_INVALID');
    expect(errorCode(() => challengeDecider.decide(answer({ decision: 'approve', number: 42, deviceId: 'laptop' }), given(issued)))).toBe('CHALLENGE_NOT_FOR_DEVICE');
  });

  it('a revoked device is refused at once, even with a valid signature', () => {
    const revoked = answer({ decision: 'approve', number: 42, device: { status: 'revoked', publicKey: phone.publicKey } });
    expect(errorCode(() => challengeDecider.decide(revoked, given(issued)))).toBe('DEVICE_REVOKED');
    expect(errorCode(() => challengeDecider.decide(answer({ decision: 'approve', number: 42, device: null }), given(issued)))).toBe('DEVICE_REVOKED');
  });

  it('records a failed push delivery for a device the challenge went to, whatever became of the challenge', () => {
    const failure = { type: 'RecordDeliveryFailure' as const, deviceId: 'tablet', channel: 'webpush', reason: 'The push service answered 503', final: false };
    expect(challengeDecider.decide(failure, given(issued))).toEqual([
      { type: 'PushDeliveryFailed', data: { challengeId: 'c1', deviceId: 'tablet', channel: 'webpush', reason: 'The push service answered 503', final: false } },
    ]);
    const expired: ChallengeEvent = { type: 'ChallengeExpired', data: { challengeId: 'c1', signInId: 's1' } };
    const after = given(issued, expired, ...challengeDecider.decide({ ...failure, final: true }, given(issued, expired)));
    expect(after).toMatchObject({ status: 'EXPIRED' });
    expect(challengeDecider.decide({ ...failure, deviceId: 'stranger' }, given(issued))).toEqual([]);
  });

  it('records each device delivery once; a code answer cancels the push', () => {
    const delivered = challengeDecider.decide({ type: 'RecordDelivery', deviceId: 'phone', channel: 'websocket' }, given(issued));
    expect(delivered).toHaveLength(1);
    expect(challengeDecider.decide({ type: 'RecordDelivery', deviceId: 'phone', channel: 'websocket' }, given(issued, ...delivered))).toEqual([]);
    expect(challengeDecider.decide({ type: 'Cancel', reason: 'CODE_USED' }, given(issued))).toEqual([{ type: 'ChallengeCancelled', data: { challengeId: 'c1', signInId: 's1', reason: 'CODE_USED' } }]);
  });
});

describe('push challenge decider: push fatigue', () => {
  const issue = (recent: RecentChallenge[], now = at(0)) => challengeDecider.decide({ type: 'IssueChallenge', challenge: { ...challenge, issuedAt: now, expiresAt: at(Date.parse(now) / 1000 - T0 / 1000 + 60) }, recent, limits: DEFAULT_PUSH_LIMITS }, challengeDecider.initialState);
  const past = (secondsAgo: number, status: RecentChallenge['status'], decidedSecondsAgo: number | null = null): RecentChallenge => ({
    issuedAt: at(-secondsAgo), expiresAt: at(-secondsAgo + 60), status, decidedAt: decidedSecondsAgo === null ? null : at(-decidedSecondsAgo),
  });

  it('issues when within the limits', () => {
    expect(issue([past(600, 'APPROVED', 590)])[0]!.type).toBe('PushChallengeIssued');
  });

  it(`caps pending challenges at ${DEFAULT_PUSH_LIMITS.maxPending}`, () => {
    const [event] = issue([past(10, 'PENDING'), past(20, 'PENDING')]);
    expect(event).toMatchObject({ type: 'PushChallengeSuppressed', data: { reason: 'PENDING_CAP', retryAfterSeconds: 40 } });
    expect(issue([past(10, 'PENDING'), past(120, 'PENDING')])[0]!.type).toBe('PushChallengeIssued'); // the older one has lapsed
  });

  it(`caps challenges at ${DEFAULT_PUSH_LIMITS.maxPerHour} per sliding hour`, () => {
    const ten = Array.from({ length: 10 }, (_, i) => past(3500 - i * 60, 'EXPIRED', 3440 - i * 60));
    expect(issue(ten)[0]).toMatchObject({ type: 'PushChallengeSuppressed', data: { reason: 'HOURLY_CAP', retryAfterSeconds: 100 } });
    expect(issue(ten, at(101))[0]!.type).toBe('PushChallengeIssued');
  });

  it('cools down after a denial, longer after a fraud report', () => {
    expect(issue([past(100, 'DENIED', 60)])[0]).toMatchObject({ type: 'PushChallengeSuppressed', data: { reason: 'COOL_DOWN', retryAfterSeconds: 60 } });
    expect(issue([past(200, 'DENIED', 121)])[0]!.type).toBe('PushChallengeIssued');
    expect(issue([past(1000, 'FRAUD_REPORTED', 900)])[0]).toMatchObject({ data: { reason: 'COOL_DOWN', retryAfterSeconds: 900 } });
  });

  it('never issues to nobody, and the number is one of the choices', () => {
    expect(() => challengeDecider.decide({ type: 'IssueChallenge', challenge: { ...challenge, deviceIds: [] }, recent: [], limits: DEFAULT_PUSH_LIMITS }, challengeDecider.initialState)).toThrow(/no active device/);
    expect(() => challengeDecider.decide({ type: 'IssueChallenge', challenge: { ...challenge, number: 5 }, recent: [], limits: DEFAULT_PUSH_LIMITS }, challengeDecider.initialState)).toThrow(/one of the choices/);
  });
});
