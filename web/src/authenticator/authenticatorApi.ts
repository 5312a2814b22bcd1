import { deviceRequestPayload } from '../../../api/domain/device/signed-payloads';
import { signPayload } from './deviceKeys';

/** An error the server explained (`{error: {code, message, fields?}}`), or a network failure (code NETWORK). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

/** A device that can sign requests. */
export interface SigningDevice {
  deviceId: string;
  privateKey: CryptoKey;
}

/** Calls the authenticator API on this origin; failures arrive as {@link ApiError} in plain words. */
export async function callApi<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The server could not be reached. Check that this phone is online, then try again.');
  }
  const text = await res.text();
  let parsed: unknown = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError(res.status, 'BAD_RESPONSE', `The server answered ${res.status} with something this app cannot read. Try again later.`);
  }
  if (!res.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; fields?: Record<string, string> } }).error;
    throw new ApiError(res.status, error?.code ?? 'HTTP_ERROR', error?.message ?? `The server answered ${res.status}.`, error?.fields ?? {});
  }
  return parsed as T;
}

/** A request signed with the device key (header `Countersign-Device: <deviceId>.<ms>.<signature>`). */
export async function callSigned<T>(device: SigningDevice, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const timestamp = Date.now();
  const signature = await signPayload(device.privateKey, deviceRequestPayload({ deviceId: device.deviceId, method, path, timestamp }));
  return callApi<T>(method, path, body, { 'countersign-device': `${device.deviceId}.${timestamp}.${signature}` });
}
