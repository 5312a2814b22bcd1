import type { Sealed } from '../../crypto';
import type { DevicePublicKeyJwk } from './device-signature';

/** How a device can be reached with a challenge. `websocket` is the live connection the authenticator keeps. */
export type PushChannel = 'websocket' | 'fcm' | 'apns' | 'webpush';

/** Why a push registration was removed: the device unregistered it, or the push service answered that it no longer exists. */
export type PushChannelRemovalReason = 'UNREGISTERED' | 'GONE';

/** Who revoked a device: an admin, or the user from one of their devices. */
export type DeviceRevoker = { kind: 'admin'; adminId: string } | { kind: 'device'; deviceId: string };

/**
 * One stream per device: `device-<tenant>-<deviceId>`. The private key never leaves the
 * device; the TOTP seed is sealed (context `device:totpSeed`).
 */
export type DeviceEvent =
  | {
      type: 'DeviceActivated';
      data: {
        deviceId: string;
        enrollmentId: string;
        tokenPackId: string;
        directoryConnectorId: string;
        username: string;
        /** `directoryUserId(directoryConnectorId, username)`: whose device this is. */
        userKey: string;
        name: string;
        publicKey: DevicePublicKeyJwk;
        keyThumbprint: string;
        totpSeed: Sealed;
        /** Where "new device" notices go: the address the directory held at activation. */
        email: string | null;
      };
    }
  /**
   * The device can be reached through a push service: `address` is its registration, sealed
   * (context `device:pushAddress`; for `webpush` the JSON of the browser's PushSubscription).
   * `fingerprint` (SHA-256 of the clear registration, not secret) lets the same registration
   * sent again record nothing.
   */
  | { type: 'PushChannelRegistered'; data: { deviceId: string; channel: PushChannel; address: Sealed | null; fingerprint?: string | null } }
  /** The registration is no longer used: the device turned the channel off, or the push service said it is gone (404/410). */
  | { type: 'PushChannelRemoved'; data: { deviceId: string; channel: PushChannel; reason: PushChannelRemovalReason } }
  /** A TOTP code of this device was accepted; `step` is its RFC 6238 time step (replay protection). */
  | { type: 'TotpCodeAccepted'; data: { deviceId: string; step: number; signInId: string } }
  | { type: 'DeviceRevoked'; data: { deviceId: string; userKey: string; by: DeviceRevoker; reason: string } };

export const deviceEventTypes = ['DeviceActivated', 'PushChannelRegistered', 'PushChannelRemoved', 'TotpCodeAccepted', 'DeviceRevoked'] as const satisfies readonly DeviceEvent['type'][];

/** Context a push registration (`PushChannelRegistered.address`) is sealed under. */
export const PUSH_ADDRESS_SEAL_CONTEXT = 'device:pushAddress';

/** Context the TOTP seed is sealed under. */
export const TOTP_SEED_SEAL_CONTEXT = 'device:totpSeed';
