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
