import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import { AppError, validationError } from '../../errors';
import type { DevicePublicKeyJwk } from './device-signature';
import type { DeviceEvent, DeviceRevoker, PushChannel, PushChannelRemovalReason } from './events';

type Activated = Extract<DeviceEvent, { type: 'DeviceActivated' }>['data'];

export type DeviceCommand =
  | ({ type: 'ActivateDevice' } & Activated)
  /** `fingerprint` names the clear registration, so sending the same one again records nothing. */
  | { type: 'RegisterPushChannel'; channel: PushChannel; address: Sealed | null; fingerprint?: string | null }
  /**
   * Stops using a push channel. The push worker passes the sealed `address` it found gone, so a
   * registration the device replaced in the meantime is kept.
   */
  | { type: 'RemovePushChannel'; channel: PushChannel; reason: PushChannelRemovalReason; address?: Sealed }
  /** `step` is the time step the code matched (the service checked the code against the seed). */
  | { type: 'AcceptTotp'; step: number; signInId: string }
  /** `requester` is the device asking, when a user revokes from one of their devices. */
  | { type: 'RevokeDevice'; by: DeviceRevoker; reason: string; requester?: { deviceId: string; userKey: string; active: boolean } };

/** A device's registration with a push service (sealed). */
export interface PushRegistration {
  address: Sealed | null;
  fingerprint: string | null;
}

export interface ActiveDevice {
  status: 'active' | 'revoked';
  deviceId: string;
  userKey: string;
  username: string;
  directoryConnectorId: string;
  name: string;
  publicKey: DevicePublicKeyJwk;
  totpSeed: Sealed;
  channels: readonly PushChannel[];
  /** The current registration of each push channel in `channels` other than the WebSocket. */
  pushRegistrations: Readonly<Partial<Record<PushChannel, PushRegistration>>>;
  /** The newest TOTP time step accepted; codes of this step or older are refused. */
  lastTotpStep: number;
}

export type DeviceState = { status: 'none' } | ActiveDevice;

export const MAX_DEVICE_NAME = 64;

export const deviceDecider: Decider<DeviceCommand, DeviceEvent, DeviceState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'ActivateDevice') {
      if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'This device is already activated.');
      const name = command.name.trim();
      if (!name || name.length > MAX_DEVICE_NAME) throw validationError({ deviceName: `name the device in 1 to ${MAX_DEVICE_NAME} characters, e.g. "Jo's phone"` });
      const { type: _, ...data } = command;
      return [{ type: 'DeviceActivated', data: { ...data, name } }];
    }
    if (state.status === 'none') throw new AppError('NOT_FOUND', 'No such device.');
    switch (command.type) {
      case 'RegisterPushChannel':
        if (state.status === 'revoked') throw new AppError('DEVICE_REVOKED');
        if (state.channels.includes(command.channel) && command.address === null) return [];
        if (command.fingerprint && state.pushRegistrations[command.channel]?.fingerprint === command.fingerprint) return [];
        return [{ type: 'PushChannelRegistered', data: { deviceId: state.deviceId, channel: command.channel, address: command.address, fingerprint: command.fingerprint ?? null } }];
      case 'RemovePushChannel': {
        const current = state.pushRegistrations[command.channel];
        if (state.status === 'revoked' || command.channel === 'websocket' || !current) return [];
        if (command.address !== undefined && current.address !== command.address) return [];
        return [{ type: 'PushChannelRemoved', data: { deviceId: state.deviceId, channel: command.channel, reason: command.reason } }];
      }
      case 'AcceptTotp':
        if (state.status === 'revoked') throw new AppError('DEVICE_REVOKED');
        if (command.step <= state.lastTotpStep) throw new AppError('TOTP_REPLAYED');
        return [{ type: 'TotpCodeAccepted', data: { deviceId: state.deviceId, step: command.step, signInId: command.signInId } }];
      case 'RevokeDevice': {
        const asker = command.requester;
        if (command.by.kind === 'device') {
          if (!asker || asker.deviceId !== command.by.deviceId) throw new AppError('FORBIDDEN', 'Only a signed-in device can revoke a device.');
          if (!asker.active) throw new AppError('DEVICE_REVOKED');
          if (asker.userKey !== state.userKey) throw new AppError('FORBIDDEN', 'A device can only revoke devices of its own user.');
        }
        if (state.status === 'revoked') return [];
        return [{ type: 'DeviceRevoked', data: { deviceId: state.deviceId, userKey: state.userKey, by: command.by, reason: command.reason.slice(0, 200) } }];
      }
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DeviceActivated': {
        const d = event.data;
        return {
          status: 'active', deviceId: d.deviceId, userKey: d.userKey, username: d.username, directoryConnectorId: d.directoryConnectorId,
          name: d.name, publicKey: d.publicKey, totpSeed: d.totpSeed, channels: ['websocket'], pushRegistrations: {}, lastTotpStep: -1,
        };
      }
      case 'PushChannelRegistered': {
        if (state.status === 'none') return state;
        const { channel, address, fingerprint } = event.data;
        const channels = state.channels.includes(channel) ? state.channels : [...state.channels, channel];
        return channel === 'websocket' ? { ...state, channels } : { ...state, channels, pushRegistrations: { ...state.pushRegistrations, [channel]: { address, fingerprint: fingerprint ?? null } } };
      }
      case 'PushChannelRemoved': {
        if (state.status === 'none') return state;
        const { [event.data.channel]: _, ...pushRegistrations } = state.pushRegistrations;
        return { ...state, channels: state.channels.filter((c) => c !== event.data.channel), pushRegistrations };
      }
      case 'TotpCodeAccepted':
        return state.status === 'none' ? state : { ...state, lastTotpStep: Math.max(state.lastTotpStep, event.data.step) };
      case 'DeviceRevoked':
        return state.status === 'none' ? state : { ...state, status: 'revoked' };
    }
  },
};
