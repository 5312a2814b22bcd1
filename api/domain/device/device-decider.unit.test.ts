import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import { deviceDecider } from './device-decider';
import type { DeviceEvent } from './events';

const activated = (deviceId: string, userKey = 'dir.jo'): DeviceEvent => ({
  type: 'DeviceActivated',
  data: {
    deviceId, enrollmentId: 'e1', tokenPackId: 'p1', directoryConnectorId: 'dir', username: 'jo', userKey, name: 'Jo phone',
    publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, keyThumbprint: 't', totpSeed: 'sealed:v1:k:i:s' as Sealed, email: 'jo@example.test',
  },
});
const revoked: DeviceEvent = { type: 'DeviceRevoked', data: { deviceId: 'd1', userKey: 'dir.jo', by: { kind: 'admin', adminId: 'a1' }, reason: 'lost' } };
const given = (...events: DeviceEvent[]) => fold(deviceDecider, events);

describe('device decider', () => {
  it('TOTP fallback: a code is accepted once per time step; the same or an older step is a replay', () => {
    const first = deviceDecider.decide({ type: 'AcceptTotp', step: 100, signInId: 's1' }, given(activated('d1')));
    expect(first).toEqual([{ type: 'TotpCodeAccepted', data: { deviceId: 'd1', step: 100, signInId: 's1' } }]);
    const after = given(activated('d1'), ...first);
    expect(() => deviceDecider.decide({ type: 'AcceptTotp', step: 100, signInId: 's2' }, after)).toThrow(expect.objectContaining({ code: 'TOTP_REPLAYED' }));
    expect(() => deviceDecider.decide({ type: 'AcceptTotp', step: 99, signInId: 's2' }, after)).toThrow(expect.objectContaining({ code: 'TOTP_REPLAYED' }));
    expect(deviceDecider.decide({ type: 'AcceptTotp', step: 101, signInId: 's2' }, after)).toHaveLength(1);
  });

  it('a revoked device takes no TOTP code and registers no channel', () => {
    expect(() => deviceDecider.decide({ type: 'AcceptTotp', step: 1, signInId: 's' }, given(activated('d1'), revoked))).toThrow(expect.objectContaining({ code: 'DEVICE_REVOKED' }));
    expect(() => deviceDecider.decide({ type: 'RegisterPushChannel', channel: 'webpush', address: null }, given(activated('d1'), revoked))).toThrow(expect.objectContaining({ code: 'DEVICE_REVOKED' }));
  });

  it('an admin, or the user from another of their active devices, revokes a device; revoking twice records nothing', () => {
    expect(deviceDecider.decide({ type: 'RevokeDevice', by: { kind: 'admin', adminId: 'a1' }, reason: 'lost' }, given(activated('d1')))).toEqual([revoked]);
    const fromOther = deviceDecider.decide(
      { type: 'RevokeDevice', by: { kind: 'device', deviceId: 'd2' }, reason: 'lost', requester: { deviceId: 'd2', userKey: 'dir.jo', active: true } },
      given(activated('d1')),
    );
    expect(fromOther[0]).toMatchObject({ type: 'DeviceRevoked', data: { by: { kind: 'device', deviceId: 'd2' } } });
    expect(deviceDecider.decide({ type: 'RevokeDevice', by: { kind: 'admin', adminId: 'a1' }, reason: 'again' }, given(activated('d1'), revoked))).toEqual([]);
  });

  it("a device cannot revoke another user's device, and a revoked device cannot revoke at all", () => {
    const other = { type: 'RevokeDevice' as const, by: { kind: 'device' as const, deviceId: 'd9' }, reason: 'x', requester: { deviceId: 'd9', userKey: 'dir.mallory', active: true } };
    expect(() => deviceDecider.decide(other, given(activated('d1')))).toThrow(/own user/);
    const stale = { ...other, requester: { deviceId: 'd9', userKey: 'dir.jo', active: false } };
    expect(() => deviceDecider.decide(stale, given(activated('d1')))).toThrow(expect.objectContaining({ code: 'DEVICE_REVOKED' }));
  });

  describe('web push registration', () => {
    const sealedA = 'sealed:v1:k:i:a' as Sealed;
    const sealedB = 'sealed:v1:k:i:b' as Sealed;
    const register = (address: Sealed, fingerprint: string) => ({ type: 'RegisterPushChannel' as const, channel: 'webpush' as const, address, fingerprint });
    const registered = (address: Sealed, fingerprint: string): DeviceEvent => ({ type: 'PushChannelRegistered', data: { deviceId: 'd1', channel: 'webpush', address, fingerprint } });
    const gone = (address?: Sealed) => ({ type: 'RemovePushChannel' as const, channel: 'webpush' as const, reason: 'GONE' as const, ...(address ? { address } : {}) });
    const removed = (reason: 'GONE' | 'UNREGISTERED'): DeviceEvent => ({ type: 'PushChannelRemoved', data: { deviceId: 'd1', channel: 'webpush', reason } });

    it('records a subscription once; the same subscription again records nothing, a new one replaces it', () => {
      expect(deviceDecider.decide(register(sealedA, 'fa'), given(activated('d1')))).toEqual([registered(sealedA, 'fa')]);
      const state = given(activated('d1'), registered(sealedA, 'fa'));
      expect(state).toMatchObject({ channels: ['websocket', 'webpush'], pushRegistrations: { webpush: { address: sealedA, fingerprint: 'fa' } } });
      expect(deviceDecider.decide(register(sealedB, 'fa'), state)).toEqual([]);
      expect(deviceDecider.decide(register(sealedB, 'fb'), state)).toEqual([registered(sealedB, 'fb')]);
    });

    it('the device unregisters its subscription; unregistering twice or without one records nothing', () => {
      const unregister = { type: 'RemovePushChannel' as const, channel: 'webpush' as const, reason: 'UNREGISTERED' as const };
      expect(deviceDecider.decide(unregister, given(activated('d1'), registered(sealedA, 'fa')))).toEqual([removed('UNREGISTERED')]);
      const after = given(activated('d1'), registered(sealedA, 'fa'), removed('UNREGISTERED'));
      expect(after).toMatchObject({ channels: ['websocket'], pushRegistrations: {} });
      expect(deviceDecider.decide(unregister, after)).toEqual([]);
      expect(deviceDecider.decide(unregister, given(activated('d1')))).toEqual([]);
    });

    it('a subscription the push service reports gone is removed, unless the device replaced it meanwhile', () => {
      expect(deviceDecider.decide(gone(sealedA), given(activated('d1'), registered(sealedA, 'fa')))).toEqual([removed('GONE')]);
      expect(deviceDecider.decide(gone(sealedA), given(activated('d1'), registered(sealedA, 'fa'), registered(sealedB, 'fb')))).toEqual([]);
      expect(deviceDecider.decide(gone(sealedA), given(activated('d1'), registered(sealedA, 'fa'), removed('GONE')))).toEqual([]);
    });

    it('the live WebSocket channel cannot be removed, and a revoked device has nothing left to remove', () => {
      expect(deviceDecider.decide({ type: 'RemovePushChannel', channel: 'websocket', reason: 'UNREGISTERED' }, given(activated('d1')))).toEqual([]);
      expect(deviceDecider.decide(gone(sealedA), given(activated('d1'), registered(sealedA, 'fa'), revoked))).toEqual([]);
    });
  });

  it('names a device in 1 to 64 characters', () => {
    const { data } = activated('d1') as Extract<DeviceEvent, { type: 'DeviceActivated' }>;
    expect(() => deviceDecider.decide({ type: 'ActivateDevice', ...data, name: '  ' }, deviceDecider.initialState)).toThrow(/name the device/);
  });
});
