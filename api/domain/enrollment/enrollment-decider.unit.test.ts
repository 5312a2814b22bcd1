import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import { enrollmentDecider, MAX_ENROLLMENT_ATTEMPTS, type EnrollmentCommand } from './enrollment-decider';
import type { EnrollmentEvent } from './events';

const T0 = '2026-03-01T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const started = (id: string): EnrollmentEvent => ({
  type: 'EnrollmentStarted',
  data: { enrollmentId: id, tokenPackId: 'p1', sendId: 's1', directoryConnectorId: 'dir', enrollmentKeyHash: 'key', expiresAt: at(60) },
});
const user = { username: 'jo', userKey: 'dir.jo', email: 'jo@example.test', displayName: 'Jo' };
const passPrimary = (codeHash: string, delivery: 'email' | 'trusted-network' = 'email'): EnrollmentCommand => ({
  type: 'PassPrimary', keyHash: 'key', now: at(1), user, trustedNetwork: delivery === 'trusted-network' ? '127.0.0.1/32' : null,
  code: { codeId: `id-${codeHash}`, codeHash, expiresAt: at(16), delivery, sealedCode: delivery === 'email' ? ('sealed:v1:k:i:c' as Sealed) : null },
});
const activate = (code: { enrollmentId: string; secretHash: string }, now = at(2)): EnrollmentCommand => ({
  type: 'Activate', keyHash: 'key', now, code, deviceId: 'd1', deviceName: 'Jo phone', keyThumbprint: 'tp',
});
const given = (...events: EnrollmentEvent[]) => fold(enrollmentDecider, events);
const then = (events: EnrollmentEvent[], command: EnrollmentCommand) => enrollmentDecider.decide(command, given(...events));
const codeOf = (error: unknown) => (error as { code?: string }).code;
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error as Error & { code: string };
  }
  throw new Error('expected an error');
};

describe('enrollment decider', () => {
  it('after the directory sign-in issues an activation code: emailed (sealed) off-network, handed over at once on a trusted network', () => {
    const emailed = then([started('e1')], passPrimary('h1'));
    expect(emailed.map((e) => e.type)).toEqual(['EnrollmentPrimaryAuthPassed', 'ActivationCodeIssued']);
    expect(emailed[1]).toMatchObject({ data: { delivery: 'email', email: 'jo@example.test', codeHash: 'h1', sealedCode: expect.stringMatching(/^sealed:/) } });
    const trusted = then([started('e1')], passPrimary('h1', 'trusted-network'));
    expect(trusted[0]).toMatchObject({ data: { trustedNetwork: '127.0.0.1/32' } });
    expect(trusted[1]).toMatchObject({ data: { delivery: 'trusted-network', email: null, sealedCode: null } });
  });

  it('activates with the current code, before it expires', () => {
    const history = [started('e1'), ...then([started('e1')], passPrimary('h1'))];
    expect(then(history, activate({ enrollmentId: 'e1', secretHash: 'h1' }))).toEqual([
      { type: 'EnrollmentActivated', data: { enrollmentId: 'e1', codeId: 'id-h1', deviceId: 'd1', deviceName: 'Jo phone', keyThumbprint: 'tp', username: 'jo', userKey: 'dir.jo', email: 'jo@example.test' } },
    ]);
  });

  it('a second use of an activation code fails with a clear message', () => {
    const history = [started('e1'), ...then([started('e1')], passPrimary('h1'))];
    const done = [...history, ...then(history, activate({ enrollmentId: 'e1', secretHash: 'h1' }))];
    const error = thrown(() => then(done, activate({ enrollmentId: 'e1', secretHash: 'h1' }, at(3))));
    expect(error.code).toBe('ACTIVATION_CODE_USED');
    expect(error.message).toMatch(/already used/);
  });

  it('an expired activation code fails, and says to sign in again for a new one', () => {
    const history = [started('e1'), ...then([started('e1')], passPrimary('h1'))];
    const error = thrown(() => then(history, activate({ enrollmentId: 'e1', secretHash: 'h1' }, at(17))));
    expect(error.code).toBe('ACTIVATION_CODE_EXPIRED');
    expect(error.message).toMatch(/expired/);
  });

  it('a code from another enrollment fails and says so', () => {
    const history = [started('e1'), ...then([started('e1')], passPrimary('h1'))];
    const error = thrown(() => then(history, activate({ enrollmentId: 'e2', secretHash: 'h2' })));
    expect(error.code).toBe('ACTIVATION_CODE_OTHER_ENROLLMENT');
    expect(error.message).toMatch(/another enrollment/);
  });

  it('a replaced code, an unknown code, or a code before the directory sign-in fail', () => {
    const one = [started('e1'), ...then([started('e1')], passPrimary('h1'))];
    const two = [...one, ...then(one, passPrimary('h2'))];
    expect(thrown(() => then(two, activate({ enrollmentId: 'e1', secretHash: 'h1' }))).message).toMatch(/newer activation code/);
    expect(codeOf(thrown(() => then(two, activate({ enrollmentId: 'e1', secretHash: 'zz' }))))).toBe('ACTIVATION_CODE_INVALID');
    expect(thrown(() => then([started('e1')], activate({ enrollmentId: 'e1', secretHash: 'h1' }))).message).toMatch(/Sign in with your directory account first/);
  });

  it('only the authenticator that started the enrollment can continue it', () => {
    expect(codeOf(thrown(() => then([started('e1')], { ...passPrimary('h1'), keyHash: 'other' } as EnrollmentCommand)))).toBe('UNAUTHENTICATED');
  });

  it(`ends after ${MAX_ENROLLMENT_ATTEMPTS} failed directory sign-ins, and once expired takes nothing`, () => {
    let events: EnrollmentEvent[] = [started('e1')];
    for (let i = 0; i < MAX_ENROLLMENT_ATTEMPTS; i++) events = [...events, ...then(events, { type: 'FailPrimary', keyHash: 'key', now: at(1), username: 'jo', reason: 'INVALID_CREDENTIALS' })];
    expect(events.at(-1)?.type).toBe('EnrollmentFailed');
    expect(codeOf(thrown(() => then(events, passPrimary('h1'))))).toBe('ENROLLMENT_ENDED');
    expect(codeOf(thrown(() => then([started('e1')], { ...passPrimary('h1'), now: at(61) } as EnrollmentCommand)))).toBe('ENROLLMENT_EXPIRED');
    expect(then([started('e1')], { type: 'Expire', now: at(61) })).toEqual([{ type: 'EnrollmentExpired', data: { enrollmentId: 'e1' } }]);
  });

  it('refuses email delivery when the directory holds no address for the user', () => {
    const command = { ...passPrimary('h1'), user: { ...user, email: null } } as EnrollmentCommand;
    expect(thrown(() => then([started('e1')], command)).message).toMatch(/no email address/);
  });
});
