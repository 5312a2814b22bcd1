import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import { adminSessionDecider } from './admin-session-decider';

describe('admin session decider', () => {
  const signIn = { type: 'SignIn' as const, sessionKey: 's', adminId: 'a', email: 'a@x.test', expiresAt: '2030-01-01T00:00:00Z' };

  it('signs in once, signs out once, and a second sign-out is a no-op', () => {
    const started = adminSessionDecider.decide(signIn, adminSessionDecider.initialState);
    expect(started[0]!.type).toBe('AdminSignedIn');
    const out = adminSessionDecider.decide({ type: 'SignOut' }, fold(adminSessionDecider, started));
    expect(out).toEqual([{ type: 'AdminSignedOut', data: { sessionKey: 's', adminId: 'a' } }]);
    expect(adminSessionDecider.decide({ type: 'SignOut' }, fold(adminSessionDecider, [...started, ...out]))).toEqual([]);
  });

  it('refuses to reuse a session key', () => {
    const started = adminSessionDecider.decide(signIn, adminSessionDecider.initialState);
    expect(() => adminSessionDecider.decide(signIn, fold(adminSessionDecider, started))).toThrow(/already exists/);
  });
});
