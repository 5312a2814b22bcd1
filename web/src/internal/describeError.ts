import type { CombinedError } from 'urql';

/** What the UI needs from a failed operation: the server's safe message and its machine-readable details. */
export interface ErrorInfo {
  /** `extensions.code`, e.g. `INVALID_CREDENTIALS`; `NETWORK` when the server could not be reached. */
  code: string;
  message: string;
  /** Per-field messages from `VALIDATION_FAILED`. */
  fields: Record<string, string>;
  /** Seconds to wait, from `RATE_LIMITED`. */
  retryAfterSeconds?: number;
}

const NETWORK_MESSAGE = "Can't reach the Countersign server. Check your connection and try again.";

export function describeError(error: CombinedError): ErrorInfo {
  const first = error.graphQLErrors[0];
  if (!first) {
    return { code: 'NETWORK', message: NETWORK_MESSAGE, fields: {} };
  }
  const ext = first.extensions ?? {};
  const fields: Record<string, string> = {};
  if (ext.fields && typeof ext.fields === 'object') {
    for (const [name, message] of Object.entries(ext.fields as Record<string, unknown>)) {
      if (typeof message === 'string') fields[name] = message;
    }
  }
  const retry = Number(ext.retryAfterSeconds);
  return {
    code: typeof ext.code === 'string' ? ext.code : 'UNKNOWN',
    message: first.message || 'Something went wrong. Please try again.',
    fields,
    ...(Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: Math.ceil(retry) } : {}),
  };
}
