import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { DeviceHub } from '../device-hub';

/** Where authenticators keep their live channel. */
export const DEVICE_CHANNEL_PATH = '/api/device/channel';

/**
 * Takes WebSocket upgrades for {@link DEVICE_CHANNEL_PATH} on the HTTP server and hands them
 * to the hub; other paths are left to their own listeners (GraphQL subscriptions), so every
 * WebSocket server on this port must be `noServer` and check its path like this one.
 */
export function attachDeviceChannel(server: Server, hub: DeviceHub): { close(): void } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== DEVICE_CHANNEL_PATH) return;
    wss.handleUpgrade(req, socket, head, (ws) => hub.accept(ws));
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
