import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { challengeAnswerPayload, channelProofPayload, type ChallengeDecision } from '../../api/domain/device';
import { apiClient, ServerError } from './api-client';
import { signWith, type StoredDevice } from './device-store';

/** A challenge as the device channel delivers it. */
export interface Challenge {
  challengeId: string;
  serviceName: string;
  username: string;
  clientIp: string | null;
  browser: string | null;
  issuedAt: string;
  expiresAt: string;
  numberChoices: number[];
}

export interface ListenOptions {
  /**
   * `prompt`: ask on the terminal; `approve`: approve each challenge with the number read
   * from stdin (one line per sign-in: `<number>` or `<challengeId> <number>`), for tests and
   * benchmarks; `deny` / `report-fraud`: answer every challenge so.
   */
  mode: 'prompt' | 'approve' | 'deny' | 'report-fraud';
  /** Stop after this many answers (default: run until interrupted). */
  count?: number;
  /** One JSON object per line on stdout instead of sentences. */
  json: boolean;
  out: (line: string) => void;
  input: NodeJS.ReadableStream;
}

/**
 * Keeps the live channel open: proves the device by signing the server's nonce, shows each
 * challenge (service, address, browser, time, number choices), answers it with a signature
 * over `{challengeId, decision, number}`, and reconnects after a dropped connection.
 */
export function listen(device: StoredDevice, options: ListenOptions): Promise<number> {
  const api = apiClient(device.serverUrl);
  const channelUrl = `${device.serverUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}/api/device/channel`;
  const pending: Challenge[] = [];
  const numbers: { challengeId?: string; number: number }[] = [];
  let answered = 0;
  let stopping = false;
  let socket: WebSocket | undefined;
  const emit = (event: Record<string, unknown>, sentence: string) => options.out(options.json ? JSON.stringify(event) : sentence);

  return new Promise<number>((resolve) => {
    const finish = (code: number) => {
      stopping = true;
      lines.close();
      socket?.close();
      resolve(code);
    };

    const answer = async (challenge: Challenge, decision: ChallengeDecision, number: number | null) => {
      const index = pending.indexOf(challenge);
      if (index >= 0) pending.splice(index, 1);
      const signature = signWith(device, challengeAnswerPayload({ challengeId: challenge.challengeId, decision, number }));
      try {
        const result = await api.call<{ status: string }>('POST', `/api/challenges/${challenge.challengeId}/answer`, { deviceId: device.deviceId, decision, number, signature });
        emit({ event: 'answered', challengeId: challenge.challengeId, decision, number, status: result.status }, `Answered ${decision}${number !== null ? ` ${number}` : ''}: ${result.status}`);
      } catch (error) {
        const code = error instanceof ServerError ? error.code : 'NETWORK';
        emit({ event: 'answer-refused', challengeId: challenge.challengeId, decision, number, code, message: (error as Error).message }, `The answer was refused: ${(error as Error).message}`);
      }
      answered++;
      if (options.count !== undefined && answered >= options.count) finish(0);
    };

    const match = () => {
      while (numbers.length > 0 && pending.length > 0) {
        const wanted = numbers[0]!;
        const challenge = wanted.challengeId ? pending.find((c) => c.challengeId === wanted.challengeId) : (pending.find((c) => c.numberChoices.includes(wanted.number)) ?? pending[0]);
        if (!challenge) return;
        numbers.shift();
        void answer(challenge, 'approve', wanted.number);
      }
    };

    const lines = createInterface({ input: options.input, terminal: false });
    lines.on('line', (line) => {
      const text = line.trim();
      if (!text) return;
      if (options.mode === 'prompt') {
        const challenge = pending[0];
        if (!challenge) return;
        if (text === 'd') return void answer(challenge, 'deny', null);
        if (text === 'f') return void answer(challenge, 'report-fraud', null);
        const number = Number(text);
        if (Number.isInteger(number)) return void answer(challenge, 'approve', number);
        options.out('Type the number shown on the sign-in page, d to deny, or f if this was not you.');
        return;
      }
      if (options.mode !== 'approve') return;
      const [first, second] = text.split(/\s+/);
      const entry = second !== undefined ? { challengeId: first!, number: Number(second) } : { number: Number(first) };
      if (!Number.isInteger(entry.number)) return;
      numbers.push(entry);
      match();
    });

    const connect = (attempt: number) => {
      const ws = new WebSocket(channelUrl);
      socket = ws;
      ws.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; nonce?: string; challenge?: Challenge; challengeId?: string; status?: string; code?: string; message?: string };
        switch (message.type) {
          case 'hello':
            ws.send(JSON.stringify({ type: 'auth', deviceId: device.deviceId, signature: signWith(device, channelProofPayload(device.deviceId, message.nonce!)) }));
            break;
          case 'ready':
            attempt = 0;
            emit({ event: 'ready', deviceId: device.deviceId }, `Listening for sign-in requests for ${device.username} (device ${device.name}).`);
            break;
          case 'challenge': {
            const c = message.challenge!;
            ws.send(JSON.stringify({ type: 'received', challengeId: c.challengeId }));
            if (pending.some((p) => p.challengeId === c.challengeId)) break;
            pending.push(c);
            emit({ event: 'challenge', ...c }, `\nSign-in to ${c.serviceName} as ${c.username}\n  from ${c.clientIp ?? 'an unknown address'} (${c.browser ?? 'unknown browser'}) at ${c.issuedAt}\n  Which number does the sign-in page show? ${c.numberChoices.join(' / ')}  (or d = deny, f = this wasn't me)`);
            if (options.mode === 'deny' || options.mode === 'report-fraud') void answer(c, options.mode, null);
            else if (options.mode === 'approve') match();
            break;
          }
          case 'closed': {
            const index = pending.findIndex((p) => p.challengeId === message.challengeId);
            if (index >= 0) pending.splice(index, 1);
            emit({ event: 'closed', challengeId: message.challengeId, status: message.status }, `Request ${message.challengeId} closed: ${message.status}`);
            break;
          }
          case 'revoked':
            emit({ event: 'revoked' }, 'This device was revoked; enrol it again to use it.');
            finish(3);
            break;
          case 'error':
            emit({ event: 'error', code: message.code, message: message.message }, `Error: ${message.message}`);
            if (message.code === 'DEVICE_REVOKED') finish(3);
            break;
        }
      });
      ws.on('close', () => {
        if (stopping) return;
        const delay = Math.min(30_000, 500 * 2 ** attempt);
        setTimeout(() => !stopping && connect(attempt + 1), delay);
      });
      ws.on('error', () => undefined);
    };
    connect(0);
    process.once('SIGINT', () => finish(0));
    process.once('SIGTERM', () => finish(0));
  });
}
