import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';
import { channelProofPayload, verifyDeviceSignature, type ActiveDevice } from '../domain/device';
import { AppError, isAppError } from '../errors';
import type { ChallengeFeed } from './challenge-feed';
import type { ChallengeService } from './challenge-service';
import type { DeviceService } from './device-service';
import type { ChallengeRow } from './internal/challenge-queries';
import type { ChallengeNotice } from '../domain/challenge/challenge-notice';

export type { ChallengeNotice };

/** Messages the server sends on a device channel. */
export type ServerMessage =
  | { type: 'hello'; nonce: string }
  | { type: 'ready'; deviceId: string }
  | { type: 'challenge'; challenge: ChallengeNotice }
  | { type: 'closed'; challengeId: string; status: string }
  | { type: 'revoked' }
  | { type: 'error'; code: string; message: string };

/** Messages a device sends: its proof (a signature over the nonce), then delivery receipts. */
export type DeviceMessage = { type: 'auth'; deviceId: string; signature: string } | { type: 'received'; challengeId: string };

/** Seconds a new connection has to prove which device it is. */
const AUTH_TIMEOUT_MS = 10_000;
const PING_MS = 25_000;

export const noticeOf = (row: ChallengeRow): ChallengeNotice => ({
  challengeId: row.id, serviceName: row.service_name, username: row.username, clientIp: row.client_ip, browser: row.browser,
  issuedAt: row.issued_at, expiresAt: row.expires_at, numberChoices: JSON.parse(row.number_choices) as number[],
});

/**
 * The live channel authenticators keep open: a device proves itself by signing the server's
 * nonce with its key, then gets every pending challenge for it, new ones as they are issued,
 * and a notice when one is decided elsewhere. A revoked device is disconnected at once.
 */
export function createDeviceHub(deps: { devices: DeviceService; challenges: ChallengeService; feed: ChallengeFeed; now: () => Date; logger: { warn(details: object, message: string): void } }) {
  const connections = new Map<string, Set<WebSocket>>();
  const stopRevocations = deps.feed.watchRevocations((row) => {
    for (const ws of connections.get(row.id) ?? []) {
      send(ws, { type: 'revoked' });
      ws.close(4001, 'device revoked');
    }
  });

  function send(ws: WebSocket, message: ServerMessage) {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  function serve(ws: WebSocket, tenantId: string, device: ActiveDevice) {
    const sent = new Set<string>();
    const offer = (row: ChallengeRow) => {
      const targets = JSON.parse(row.device_ids) as string[];
      if (!targets.includes(device.deviceId)) return;
      if (row.status === 'PENDING' && row.expires_at > deps.now().toISOString()) {
        if (sent.has(row.id)) return;
        sent.add(row.id);
        send(ws, { type: 'challenge', challenge: noticeOf(row) });
      } else if (sent.delete(row.id)) {
        send(ws, { type: 'closed', challengeId: row.id, status: row.status });
      }
    };
    const unwatch = deps.feed.watchUser(tenantId, device.userKey, offer);
    let set = connections.get(device.deviceId);
    if (!set) connections.set(device.deviceId, (set = new Set()));
    set.add(ws);
    ws.on('close', () => {
      unwatch();
      set!.delete(ws);
      if (set!.size === 0) connections.delete(device.deviceId);
    });
    send(ws, { type: 'ready', deviceId: device.deviceId });
    for (const row of deps.challenges.queries.pendingOfUser(tenantId, device.userKey, deps.now().toISOString())) offer(row);
    ws.on('message', (data) => {
      const message = parse(data.toString());
      if (message?.type === 'received' && typeof message.challengeId === 'string' && sent.has(message.challengeId)) {
        deps.challenges.recordDelivery(tenantId, message.challengeId, device.deviceId, 'websocket').catch((err) => deps.logger.warn({ err }, 'could not record a push delivery'));
      }
    });
  }

  return {
    /** Takes a new WebSocket: hello → auth → ready, or a close with a reason. */
    accept(ws: WebSocket) {
      const nonce = randomBytes(32).toString('base64url');
      const timer = setTimeout(() => ws.close(4401, 'authenticate first'), AUTH_TIMEOUT_MS);
      const ping = setInterval(() => ws.readyState === ws.OPEN && ws.ping(), PING_MS);
      ws.on('close', () => {
        clearTimeout(timer);
        clearInterval(ping);
      });
      ws.on('error', () => ws.terminate());
      send(ws, { type: 'hello', nonce });
      ws.once('message', async (data) => {
        const message = parse(data.toString());
        if (message?.type !== 'auth' || typeof message.deviceId !== 'string' || typeof message.signature !== 'string') {
          send(ws, { type: 'error', code: 'UNAUTHENTICATED', message: 'Send {"type":"auth","deviceId":…,"signature":…} first.' });
          ws.close(4401, 'authenticate first');
          return;
        }
        try {
          const tenantId = deps.devices.tenantOf(message.deviceId);
          if (!tenantId) throw new AppError('UNAUTHENTICATED');
          const device = await deps.devices.requireActive(tenantId, message.deviceId);
          if (!verifyDeviceSignature(device.publicKey, channelProofPayload(device.deviceId, nonce), message.signature)) throw new AppError('DEVICE_SIGNATURE_INVALID');
          clearTimeout(timer);
          serve(ws, tenantId, device);
        } catch (error) {
          const code = isAppError(error) ? error.code : 'UNAUTHENTICATED';
          send(ws, { type: 'error', code, message: code === 'DEVICE_REVOKED' ? 'This device was revoked; enrol it again.' : 'The device could not be authenticated.' });
          ws.close(code === 'DEVICE_REVOKED' ? 4001 : 4401, code);
        }
      });
    },
    /** Devices connected to this node now. */
    connectedDevices: () => [...connections.keys()],
    close() {
      stopRevocations();
      for (const set of connections.values()) for (const ws of set) ws.close(1001, 'server shutting down');
    },
  };
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export type DeviceHub = ReturnType<typeof createDeviceHub>;
