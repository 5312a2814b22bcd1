/**
 * The bytes a device signs, built exactly as the server builds them
 * (`api/domain/device/device-signature.ts`): canonical JSON, object members sorted by key,
 * no white space. Kept free of Node imports so the browser bundle can use it.
 */

/** Answer to a push challenge: approve, deny, or deny with a fraud report ("this wasn't me"). */
export type ChallengeDecision = 'approve' | 'deny' | 'report-fraud';

/** The canonical JSON of a value made of strings, finite numbers, booleans, null, arrays and objects. */
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

/** `{"challengeId":…,"decision":…,"number":…}`: what answers a challenge (number null when none was chosen). */
export function challengeAnswerPayload(answer: { challengeId: string; decision: ChallengeDecision; number: number | null }): string {
  return canonicalJson({ challengeId: answer.challengeId, decision: answer.decision, number: answer.number });
}

/** `{"deviceId":…,"nonce":…,"purpose":"device-channel"}`: the proof that opens the live channel. */
export function channelProofPayload(deviceId: string, nonce: string): string {
  return canonicalJson({ deviceId, nonce, purpose: 'device-channel' });
}

/** What a device-signed HTTP request signs (device list, revoke, push channel); timestamp in ms. */
export function deviceRequestPayload(input: { deviceId: string; method: string; path: string; timestamp: number }): string {
  return canonicalJson({ deviceId: input.deviceId, method: input.method.toUpperCase(), path: input.path, purpose: 'device-request', timestamp: input.timestamp });
}
