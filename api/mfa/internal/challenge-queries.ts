import type Database from 'better-sqlite3';
import type { ChallengeStatus, RecentChallenge } from '../../domain/challenge';

/** A push challenge as the challenges read model holds it. */
export interface ChallengeRow {
  tenant_id: string;
  id: string;
  sign_in_id: string;
  user_key: string;
  username: string;
  service_id: string | null;
  service_name: string;
  device_ids: string;
  number: number | null;
  number_choices: string;
  client_ip: string | null;
  browser: string | null;
  issued_at: string;
  expires_at: string;
  status: ChallengeStatus;
  reason: string | null;
  retry_after_seconds: number | null;
  decided_at: string | null;
  decided_by: string | null;
  delivered: string;
  changed_position: number;
}

export function createChallengeQueries(db: Database.Database) {
  const byId = db.prepare('SELECT * FROM push_challenges WHERE id = ?');
  const latestOfSignIn = db.prepare('SELECT * FROM push_challenges WHERE sign_in_id = ? ORDER BY issued_at DESC, changed_position DESC LIMIT 1');
  const pendingOfSignIn = db.prepare("SELECT * FROM push_challenges WHERE sign_in_id = ? AND status = 'PENDING'");
  const recentOfUser = db.prepare('SELECT issued_at, expires_at, status, decided_at FROM push_challenges WHERE tenant_id = ? AND user_key = ? AND issued_at > ?');
  const pendingOfUser = db.prepare("SELECT * FROM push_challenges WHERE tenant_id = ? AND user_key = ? AND status = 'PENDING' AND expires_at > ? ORDER BY issued_at");
  const changedSince = db.prepare('SELECT * FROM push_challenges WHERE changed_position > ? ORDER BY changed_position');
  const head = db.prepare('SELECT COALESCE(MAX(changed_position), 0) FROM push_challenges').pluck();
  const pendingExpiredBy = db.prepare("SELECT tenant_id, id, sign_in_id FROM push_challenges WHERE status = 'PENDING' AND expires_at <= ? ORDER BY expires_at LIMIT ?");
  return {
    /** Challenges still pending although they expired at or before `at` (ISO-8601), oldest first. */
    pendingExpiredBy: (at: string, limit: number) => pendingExpiredBy.all(at, limit) as Pick<ChallengeRow, 'tenant_id' | 'id' | 'sign_in_id'>[],
    find: (challengeId: string) => (byId.get(challengeId) as ChallengeRow | undefined) ?? null,
    latestOfSignIn: (signInId: string) => (latestOfSignIn.get(signInId) as ChallengeRow | undefined) ?? null,
    pendingOfSignIn: (signInId: string) => pendingOfSignIn.all(signInId) as ChallengeRow[],
    recentOfUser(tenantId: string, userKey: string, since: string): RecentChallenge[] {
      return (recentOfUser.all(tenantId, userKey, since) as { issued_at: string; expires_at: string; status: ChallengeStatus; decided_at: string | null }[]).map((r) => ({
        issuedAt: r.issued_at, expiresAt: r.expires_at, status: r.status, decidedAt: r.decided_at,
      }));
    },
    pendingOfUser: (tenantId: string, userKey: string, now: string) => pendingOfUser.all(tenantId, userKey, now) as ChallengeRow[],
    changedSince: (position: bigint | number) => changedSince.all(position) as ChallengeRow[],
    head: () => BigInt(head.get() as number),
  };
}

export type ChallengeQueries = ReturnType<typeof createChallengeQueries>;
