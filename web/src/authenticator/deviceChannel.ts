import { channelProofPayload } from '../../../api/domain/device/signed-payloads';
import type { SigningDevice } from './authenticatorApi';
import { signPayload } from './deviceKeys';
import type { ChallengeNotice } from '../../../api/domain/challenge/challenge-notice';

export type { ChallengeNotice };

/** Where the channel stands, for the status line. */
export type ChannelState =
  | { kind: 'connecting' }
  | { kind: 'ready' }
  | { kind: 'waiting'; retryInSeconds: number; reason: string }
  | { kind: 'revoked' };

export interface ChannelHandlers {
  onState(state: ChannelState): void;
  onChallenge(challenge: ChallengeNotice): void;
  /** A request was decided elsewhere or expired; `status` is the server's (APPROVED, EXPIRED, …). */
  onClosed(challengeId: string, status: string): void;
}

/** Seconds to wait before reconnect attempt `n` (0-based): 1, 2, 4, 8, 16, then 30. */
export function reconnectDelaySeconds(attempt: number): number {
  return Math.min(2 ** attempt, 30);
}

/**
 * Keeps the live channel (`/api/device/channel`) open while the app is open: answers the
 * server's hello by signing its nonce, reports each request it receives, reconnects with a
 * growing delay after a drop (at once when the browser comes back online), and stops for
 * good when the server says the device was revoked. Returns a function that closes it.
 */
export function openDeviceChannel(device: SigningDevice, handlers: ChannelHandlers): () => void {
  const url = `${location.origin.replace(/^http/, 'ws')}/api/device/channel`;
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  let revoked = false;

  const connect = () => {
    clearTimeout(timer);
    clearInterval(tick);
    if (stopped) return;
    handlers.onState({ kind: 'connecting' });
    const ws = new WebSocket(url);
    socket = ws;
    ws.onmessage = async (event) => {
      let message: { type?: string; nonce?: string; challenge?: ChallengeNotice; challengeId?: string; status?: string; code?: string };
      try {
        message = JSON.parse(String(event.data)) as typeof message;
      } catch {
        return;
      }
      switch (message.type) {
        case 'hello': {
          const signature = await signPayload(device.privateKey, channelProofPayload(device.deviceId, message.nonce ?? ''));
          if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'auth', deviceId: device.deviceId, signature }));
          break;
        }
        case 'ready':
          attempt = 0;
          handlers.onState({ kind: 'ready' });
          break;
        case 'challenge':
          if (message.challenge) {
            handlers.onChallenge(message.challenge);
            ws.send(JSON.stringify({ type: 'received', challengeId: message.challenge.challengeId }));
          }
          break;
        case 'closed':
          if (message.challengeId) handlers.onClosed(message.challengeId, message.status ?? 'CLOSED');
          break;
        case 'revoked':
          revoked = true;
          break;
        case 'error':
          if (message.code === 'DEVICE_REVOKED' || message.code === 'NOT_FOUND') revoked = true;
          break;
      }
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      if (revoked || event.code === 4001) {
        stopped = true;
        handlers.onState({ kind: 'revoked' });
        return;
      }
      if (stopped) return;
      let left = reconnectDelaySeconds(attempt++);
      const reason = navigator.onLine === false ? 'This phone is offline.' : 'The connection to the server dropped.';
      handlers.onState({ kind: 'waiting', retryInSeconds: left, reason });
      tick = setInterval(() => {
        left = Math.max(0, left - 1);
        handlers.onState({ kind: 'waiting', retryInSeconds: left, reason });
      }, 1000);
      timer = setTimeout(connect, left * 1000);
    };
  };

  const online = () => {
    if (!socket && !stopped) {
      attempt = 0;
      connect();
    }
  };
  window.addEventListener('online', online);
  document.addEventListener('visibilitychange', online);
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    clearInterval(tick);
    window.removeEventListener('online', online);
    document.removeEventListener('visibilitychange', online);
    socket?.close(1000, 'app closed');
    socket = null;
  };
}
