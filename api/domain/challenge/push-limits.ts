import type { ChallengeStatus, SuppressionReason } from './events';

/** Push-fatigue limits per user (see `DEFAULT_PUSH_LIMITS`). */
export interface PushLimits {
  /** Challenges waiting for an answer at once. */
  maxPending: number;
  /** Challenges issued in any sliding hour. */
  maxPerHour: number;
  /** Seconds no push is sent after the user denied one. */
  denyCoolDownSeconds: number;
  /** Seconds no push is sent after the user reported one as "this wasn't me". */
  fraudCoolDownSeconds: number;
}

/**
 * Defaults: 2 pending (one sign-in plus a retry in another tab), 10 an hour, 2 minutes of
 * quiet after a denial and 30 minutes after a fraud report (NIST SP 800-63B-4 draft: limit
 * pushes since the last success; Duo customers report ~20 minutes after a report).
 */
export const DEFAULT_PUSH_LIMITS: PushLimits = { maxPending: 2, maxPerHour: 10, denyCoolDownSeconds: 120, fraudCoolDownSeconds: 1800 };

/** One of the user's other recent challenges, as the challenges read model holds it. */
export interface RecentChallenge {
  issuedAt: string;
  expiresAt: string;
  status: ChallengeStatus;
  decidedAt: string | null;
}

/** How far back `recent` must reach for `pushAllowance` to see everything that matters. */
export function recentWindowSeconds(limits: PushLimits): number {
  return Math.max(3600, limits.fraudCoolDownSeconds, limits.denyCoolDownSeconds);
}

/** Whether one more push may go to this user now; pure, so the decider can call it. */
export function pushAllowance(recent: readonly RecentChallenge[], now: string, limits: PushLimits): { allowed: true } | { allowed: false; reason: SuppressionReason; retryAfterSeconds: number } {
  const at = Date.parse(now);
  const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
  let coolUntil = 0;
  for (const r of recent) {
    if (!r.decidedAt) continue;
    const cool = r.status === 'FRAUD_REPORTED' ? limits.fraudCoolDownSeconds : r.status === 'DENIED' ? limits.denyCoolDownSeconds : 0;
    coolUntil = Math.max(coolUntil, Date.parse(r.decidedAt) + cool * 1000);
  }
  if (coolUntil > at) return { allowed: false, reason: 'COOL_DOWN', retryAfterSeconds: seconds(coolUntil - at) };
  const pending = recent.filter((r) => r.status === 'PENDING' && Date.parse(r.expiresAt) > at);
  if (pending.length >= limits.maxPending) {
    return { allowed: false, reason: 'PENDING_CAP', retryAfterSeconds: seconds(Math.min(...pending.map((r) => Date.parse(r.expiresAt))) - at) };
  }
  const inHour = recent.filter((r) => r.status !== 'SUPPRESSED' && Date.parse(r.issuedAt) > at - 3_600_000);
  if (inHour.length >= limits.maxPerHour) {
    const oldest = Math.min(...inHour.map((r) => Date.parse(r.issuedAt)));
    return { allowed: false, reason: 'HOURLY_CAP', retryAfterSeconds: seconds(oldest + 3_600_000 - at) };
  }
  return { allowed: true };
}
