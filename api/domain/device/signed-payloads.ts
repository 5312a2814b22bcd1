/**
 * The bytes a device signs, in one place for the server and the web authenticator: canonical
 * JSON of small fixed objects. Kept free of Node imports so the browser bundle can use it.
 */

/** What a device decides about a push challenge; "report-fraud" is "deny, this wasn't me". */
export type ChallengeDecision = 'approve' | 'deny' | 'report-fraud';

/**
 * The canonical JSON form of a value (RFC 8785 for the values devices sign: strings,
 * integers, booleans, null, arrays and objects): object members sorted by key (UTF-16 code
 * units), no white space, strings and numbers written as `JSON.stringify` writes them.
 * Members whose value is `undefined` are refused rather than dropped, so a signer and a
 * verifier can never disagree about a missing field.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    for (const [key, member] of entries) if (member === undefined) throw new TypeError(`canonical JSON member "${key}" is undefined`);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for ${typeof value}`);
}

/**
 * The bytes a device signs to answer a challenge: the canonical JSON of exactly
 * `{challengeId, decision, number}`, e.g.
 * `{"challengeId":"3f0c…","decision":"approve","number":42}`. `number` is the number the user
 * chose on the device, or null when denying without choosing one.
 */
export function challengeAnswerPayload(answer: { challengeId: string; decision: ChallengeDecision; number: number | null }): string {
  return canonicalJson({ challengeId: answer.challengeId, decision: answer.decision, number: answer.number });
}

/** The bytes a device signs to open its live channel: `{"deviceId":…,"nonce":…,"purpose":"device-channel"}`. */
export function channelProofPayload(deviceId: string, nonce: string): string {
  return canonicalJson({ deviceId, nonce, purpose: 'device-channel' });
}

/**
 * The bytes a device signs to call the device API over HTTP (list or revoke devices):
 * `{"deviceId":…,"method":"POST","path":"/api/devices/…/revoke","purpose":"device-request","timestamp":…}`,
 * timestamp in milliseconds since the epoch.
 */
export function deviceRequestPayload(input: { deviceId: string; method: string; path: string; timestamp: number }): string {
  return canonicalJson({ deviceId: input.deviceId, method: input.method.toUpperCase(), path: input.path, purpose: 'device-request', timestamp: input.timestamp });
}
