import type { PushChannel } from '../domain/device';
import type { ChallengeNotice } from './device-hub';

/** What goes to a device about a challenge (never the number itself). */
export type PushNotice = ChallengeNotice;

/**
 * A way to reach a device that is not connected right now (store-and-forward). The live
 * WebSocket channel is served by the device hub on every API node from the read models; FCM,
 * APNs and Web Push adapters implement this port and run in the `push` worker, which calls
 * `send` for each device registered with their channel (`PushChannelRegistered`). Each
 * adapter passes one contract suite, like the mail transports.
 */
export interface PushTransport {
  readonly channel: Exclude<PushChannel, 'websocket'>;
  /**
   * Hands the notice to the provider; `address` is the device's unsealed registration. Throws
   * `PushRegistrationGoneError` (a `PermanentJobError`, `workers/push`) for a dead registration,
   * another `PermanentJobError` for any other refusal a retry cannot fix, and a plain Error for
   * what a retry may fix (throttling, provider or network failure). Contract: `workers/push/push-transport.contract.ts`.
   */
  send(address: string, notice: PushNotice, options: { idempotencyKey: string; ttlSeconds: number }): Promise<{ providerId: string }>;
  close(): Promise<void>;
}
