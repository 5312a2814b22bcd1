import { isSealed } from '../../api/crypto';

const SECRET_KEY = /password|secret|seed|privatekey|token|hash/i;

/**
 * A copy of event data safe to show in the audit history: sealed values read "[sealed]",
 * and any field whose name says it holds a secret reads "[redacted]" whatever it holds.
 */
export function redact(value: unknown, key = ''): unknown {
  if (isSealed(value)) return '[sealed]';
  if (SECRET_KEY.test(key) && value !== null && typeof value !== 'object' && typeof value !== 'boolean') return '[redacted]';
  if (Array.isArray(value)) return value.map((v) => redact(v, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

/** Whether `redact` would change anything in `value`; allocates nothing. */
function needsRedaction(value: unknown, key: string): boolean {
  if (isSealed(value)) return true;
  if (value === null || typeof value === 'boolean') return false;
  if (typeof value !== 'object') return SECRET_KEY.test(key);
  if (Array.isArray(value)) return value.some((v) => needsRedaction(v, key));
  for (const k in value) if (Object.hasOwn(value, k) && needsRedaction((value as Record<string, unknown>)[k], k)) return true;
  return false;
}

/**
 * `JSON.stringify(redact(value))`, without the copy when nothing needs redacting (most
 * events): the audit projection does this for every event.
 */
export function redactedJson(value: unknown): string {
  return JSON.stringify(needsRedaction(value, '') ? redact(value) : value);
}
