import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import { authenticationDecider, MAX_PASSWORD_ATTEMPTS } from './authentication-decider';
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
});
