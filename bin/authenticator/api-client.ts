import { deviceRequestPayload } from '../../api/domain/device';
import { signWith, type StoredDevice } from './device-store';

/** An error the server explained (`{error: {code, message}}`). */
export class ServerError extends Error {
  override name = 'ServerError';
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

/** Calls the authenticator API of a Countersign server; errors come back as `ServerError` with the server's message. */
export function apiClient(serverUrl: string) {
  const base = serverUrl.replace(/\/+$/, '');
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new ServerError(res.status, 'BAD_RESPONSE', `The server answered ${res.status} with something that is not JSON.`);
    }
    if (!res.ok) {
      const error = (parsed as { error?: { code?: string; message?: string } }).error;
      throw new ServerError(res.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `The server answered ${res.status}.`);
    }
    return parsed as T;
  }
  const signed = (device: StoredDevice, method: 'GET' | 'POST', path: string) => {
    const timestamp = Date.now();
    const signature = signWith(device, deviceRequestPayload({ deviceId: device.deviceId, method, path, timestamp }));
    return { 'countersign-device': `${device.deviceId}.${timestamp}.${signature}` };
  };
  return {
    call,
    /** A request signed with the device key (device list, revoke). */
    signedCall: <T>(device: StoredDevice, method: 'GET' | 'POST', path: string, body?: unknown) => call<T>(method, path, body, signed(device, method, path)),
  };
}
