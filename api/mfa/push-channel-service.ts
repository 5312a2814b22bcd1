import { randomUUID } from 'node:crypto';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import type { Sealer } from '../crypto';
import { deviceDecider, PUSH_ADDRESS_SEAL_CONTEXT, type ActiveDevice } from '../domain/device';
import { parseWebPushSubscription, webPushFingerprint, type SubscriptionPolicy } from './web-push-subscription';

export interface PushChannelServiceDeps extends SubscriptionPolicy {
  execute: CommandBus;
  sealer: Sealer;
}

type Client = { ip?: string; userAgent?: string };

/**
 * A device registers (or drops) the Web Push subscription the push worker delivers challenges
 * to when the device is not connected. The subscription is sealed before it enters the event.
 */
export function createPushChannelService(deps: PushChannelServiceDeps) {
  const context = (tenantId: string, device: ActiveDevice, client: Client): CommandContext => ({
    tenantId, actor: { kind: 'device', id: device.deviceId }, correlationId: randomUUID(), causationId: randomUUID(),
    ...(client.ip ? { ip: client.ip } : {}), ...(client.userAgent ? { userAgent: client.userAgent } : {}),
  });
  const stream = (tenantId: string, device: ActiveDevice) => streamId('device', tenantId, device.deviceId);

  return {
    /** Checks `subscription` (see `parseWebPushSubscription`) and records it; the same one again records nothing. */
    async registerWebPush(device: ActiveDevice, tenantId: string, subscription: unknown, client: Client): Promise<void> {
      const parsed = parseWebPushSubscription(subscription, { allowLoopback: deps.allowLoopback });
      await deps.execute(deviceDecider, stream(tenantId, device), {
        type: 'RegisterPushChannel', channel: 'webpush', address: deps.sealer.seal(JSON.stringify(parsed), PUSH_ADDRESS_SEAL_CONTEXT), fingerprint: webPushFingerprint(parsed),
      }, context(tenantId, device, client));
    },
    /** Stops Web Push delivery to the device (it unsubscribed); nothing registered is fine. */
    async unregisterWebPush(device: ActiveDevice, tenantId: string, client: Client): Promise<void> {
      await deps.execute(deviceDecider, stream(tenantId, device), { type: 'RemovePushChannel', channel: 'webpush', reason: 'UNREGISTERED' }, context(tenantId, device, client));
    },
  };
}

export type PushChannelService = ReturnType<typeof createPushChannelService>;
