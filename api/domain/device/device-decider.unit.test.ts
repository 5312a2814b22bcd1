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

  it('names a device in 1 to 64 characters', () => {
    const { data } = activated('d1') as Extract<DeviceEvent, { type: 'DeviceActivated' }>;
    expect(() => deviceDecider.decide({ type: 'ActivateDevice', ...data, name: '  ' }, deviceDecider.initialState)).toThrow(/name the device/);
  });
});
