import type { Sealed } from '../../crypto';

/**
 * The deployment's VAPID key (RFC 8292): one ECDSA P-256 key pair that signs every Web Push
 * request, kept in the system stream `vapidKey-_system-deployment`. Browsers bind each push
 * subscription to its public key, so it is generated once and never changes on its own.
 */
export type VapidKeyEvent = {
  type: 'VapidKeyGenerated';
  data: {
    /** base64url of the uncompressed P-256 point (65 bytes): the browser's `applicationServerKey`. */
    publicKey: string;
    /** base64url of the 32-byte private scalar, sealed (context `vapid:privateKey`). */
    privateKey: Sealed;
  };
};

export const vapidKeyEventTypes = ['VapidKeyGenerated'] as const satisfies readonly VapidKeyEvent['type'][];

/** Context the VAPID private key is sealed under. */
export const VAPID_PRIVATE_KEY_SEAL_CONTEXT = 'vapid:privateKey';
