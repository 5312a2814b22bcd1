import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import { authenticationDecider, MAX_PASSWORD_ATTEMPTS, MAX_SECOND_FACTOR_ATTEMPTS } from './authentication-decider';
import type { AuthenticationEvent, SignInRequest } from './events';

const request = (secondFactor: 'REQUIRED' | 'OFF'): SignInRequest => ({
  serviceId: 's', samlConnectorId: 'c', directoryConnectorId: 'd', spEntityId: 'urn:federation:MicrosoftOnline', requestId: '_r1',
  acsUrl: 'https://login.microsoftonline.com/login.srf', binding: 'post', forceAuthn: false, secondFactor,
});
const received = (sf: 'REQUIRED' | 'OFF'): AuthenticationEvent => ({ type: 'AuthnRequestReceived', data: { ...request(sf), signInId: 'x' } });
const profile = { dn: 'uid=alice', username: 'alice', email: 'alice@example.com', displayName: 'Alice' };
const passed: AuthenticationEvent = { type: 'PrimaryAuthSucceeded', data: { username: 'alice', authnInstant: '2026-01-01T00:00:00Z', profile, viaSession: false } };
const state = (events: AuthenticationEvent[]) => fold(authenticationDecider, events);
const issue = { type: 'IssueAssertion' as const, responseId: 'r', assertionId: 'a', sessionIndex: 'i', subject: 'n' };

describe('authentication decider', () => {
  it('never issues an assertion before the second factor when the service requires one', () => {
    expect(() => authenticationDecider.decide(issue, state([received('REQUIRED'), passed]))).toThrow(/second factor has not been passed/);
  });

  it('issues a password-only assertion (mfa false) only when the service explicitly switched the second factor off', () => {
    const events = authenticationDecider.decide(issue, state([received('OFF'), passed]));
    expect(events.map((e) => e.type)).toEqual(['SecondFactorSkipped', 'AssertionIssued']);
    expect(events[1]).toMatchObject({ data: { mfa: false } });
  });

  it(`ends the sign-in after ${MAX_PASSWORD_ATTEMPTS} wrong passwords`, () => {
    const fail = { type: 'FailPrimary' as const, username: 'alice', reason: 'INVALID_CREDENTIALS', adminMessage: 'The password is wrong.' };
    let events: AuthenticationEvent[] = [received('OFF')];
    for (let i = 1; i < MAX_PASSWORD_ATTEMPTS; i++) events = [...events, ...authenticationDecider.decide(fail, state(events))];
    const last = authenticationDecider.decide(fail, state(events));
    expect(last.map((e) => e.type)).toEqual(['PrimaryAuthFailed', 'AuthenticationFailed']);
    expect(() => authenticationDecider.decide({ type: 'FailPrimary', username: 'a', reason: 'x', adminMessage: 'x' }, state([...events, ...last]))).toThrow(/ended/);
  });

  it('a completed sign-in cannot be answered twice', () => {
    const done: AuthenticationEvent = { type: 'AssertionIssued', data: { responseId: 'r', assertionId: 'a', sessionIndex: 'i', subject: 'n', mfa: false, acsUrl: 'x' } };
    expect(() => authenticationDecider.decide(issue, state([received('OFF'), passed, { type: 'SecondFactorSkipped', data: { policy: 'OFF' } }, done]))).toThrow(/already complete/);
  });

  it('a passed second factor (push or TOTP) makes the assertion multi-factor; recording it twice is a no-op', () => {
    const pass = { type: 'PassSecondFactor' as const, method: 'push' as const, deviceId: 'd1', challengeId: 'c1' };
    const passedSf = authenticationDecider.decide(pass, state([received('REQUIRED'), passed]));
    expect(passedSf).toEqual([{ type: 'SecondFactorPassed', data: { method: 'push', deviceId: 'd1', challengeId: 'c1' } }]);
    const ready = state([received('REQUIRED'), passed, ...passedSf]);
    expect(authenticationDecider.decide(pass, ready)).toEqual([]);
    expect(authenticationDecider.decide(issue, ready)).toEqual([expect.objectContaining({ type: 'AssertionIssued', data: expect.objectContaining({ mfa: true }) })]);
  });

  it(`ends the sign-in after ${MAX_SECOND_FACTOR_ATTEMPTS} failed second-factor attempts`, () => {
    const fail = { type: 'FailSecondFactor' as const, method: 'totp' as const, reason: 'INVALID_CODE' };
    let events: AuthenticationEvent[] = [received('REQUIRED'), passed];
    for (let i = 1; i < MAX_SECOND_FACTOR_ATTEMPTS; i++) events = [...events, ...authenticationDecider.decide(fail, state(events))];
    expect(authenticationDecider.decide(fail, state(events)).map((e) => e.type)).toEqual(['SecondFactorFailed', 'AuthenticationFailed']);
    expect(() => authenticationDecider.decide({ type: 'PassSecondFactor', method: 'totp', deviceId: 'd1' }, state([received('REQUIRED')]))).toThrow(/ended/);
  });
});
