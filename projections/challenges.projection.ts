import { challengeEventTypes, type ChallengeEvent } from '../api/domain/challenge';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/**
 * Push challenges: what the waiting sign-in page shows, what live device channels deliver,
 * and the recent history the push-fatigue limits count. `number` is for the sign-in page
 * only and is never sent to a device. `changed_position` drives the live feeds.
 */
export const challengesProjection: Projection = {
  name: 'push_challenges',
  version: 1,
  tables: ['push_challenges'],
  schema: `CREATE TABLE IF NOT EXISTS push_challenges (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    sign_in_id TEXT NOT NULL,
    user_key TEXT NOT NULL,
    username TEXT NOT NULL,
    service_id TEXT,
    service_name TEXT NOT NULL,
    device_ids TEXT NOT NULL,
    number INTEGER,
    number_choices TEXT NOT NULL,
    client_ip TEXT,
    browser TEXT,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    retry_after_seconds INTEGER,
    decided_at TEXT,
    decided_by TEXT,
    delivered TEXT NOT NULL,
    changed_position INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE INDEX IF NOT EXISTS push_challenges_user ON push_challenges (tenant_id, user_key, issued_at);
  CREATE INDEX IF NOT EXISTS push_challenges_sign_in ON push_challenges (sign_in_id, issued_at);
  CREATE INDEX IF NOT EXISTS push_challenges_id ON push_challenges (id);
  CREATE INDEX IF NOT EXISTS push_challenges_changed ON push_challenges (changed_position);
  CREATE INDEX IF NOT EXISTS push_challenges_pending_expiry ON push_challenges (expires_at) WHERE status = 'PENDING';`,
  eventTypes: challengeEventTypes,
  apply(db, recorded) {
    const event = recorded as unknown as ChallengeEvent;
    const tenant = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    const position = recorded.position;
    const decide = (status: string, reason: string | null, by: string | null) =>
      prepared(db, `UPDATE push_challenges SET status = ?, reason = ?, decided_at = ?, decided_by = ?, changed_position = ?
        WHERE tenant_id = ? AND id = ? AND status = 'PENDING'`).run(status, reason, at, by, position, tenant, event.data.challengeId);
    switch (event.type) {
      case 'PushChallengeIssued': {
        const c = event.data;
        prepared(db, `INSERT OR REPLACE INTO push_challenges (tenant_id, id, sign_in_id, user_key, username, service_id, service_name, device_ids, number, number_choices,
          client_ip, browser, issued_at, expires_at, status, delivered, changed_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', '[]', ?)`).run(
          tenant, c.challengeId, c.signInId, c.userKey, c.username, c.serviceId, c.serviceName, JSON.stringify(c.deviceIds), c.number, JSON.stringify(c.numberChoices),
          c.clientIp, c.browser, c.issuedAt, c.expiresAt, position);
        break;
      }
      case 'PushChallengeSuppressed': {
        const c = event.data;
        prepared(db, `INSERT OR REPLACE INTO push_challenges (tenant_id, id, sign_in_id, user_key, username, service_id, service_name, device_ids, number, number_choices,
          issued_at, expires_at, status, reason, retry_after_seconds, delivered, changed_position) VALUES (?, ?, ?, ?, ?, ?, ?, '[]', NULL, '[]', ?, ?, 'SUPPRESSED', ?, ?, '[]', ?)`).run(
          tenant, c.challengeId, c.signInId, c.userKey, c.username, c.serviceId, c.serviceName, at, at, c.reason, c.retryAfterSeconds, position);
        break;
      }
      case 'PushDelivered': {
        const current = prepared(db, 'SELECT delivered FROM push_challenges WHERE tenant_id = ? AND id = ?').pluck().get(tenant, event.data.challengeId) as string | undefined;
        if (current === undefined) break;
        const delivered = [...new Set([...(JSON.parse(current) as string[]), event.data.deviceId])];
        prepared(db, 'UPDATE push_challenges SET delivered = ? WHERE tenant_id = ? AND id = ?').run(JSON.stringify(delivered), tenant, event.data.challengeId);
        break;
      }
      case 'ChallengeApproved':
        decide('APPROVED', null, event.data.deviceId);
        break;
      case 'ChallengeDenied':
        decide(event.data.fraud ? 'FRAUD_REPORTED' : 'DENIED', null, event.data.deviceId);
        break;
      case 'ChallengeFailed':
        decide('WRONG_NUMBER', event.data.reason, event.data.deviceId);
        break;
      case 'ChallengeExpired':
        decide('EXPIRED', null, null);
        break;
      case 'ChallengeCancelled':
        decide('CANCELLED', event.data.reason, null);
        break;
      case 'FraudReported':
        break;
    }
  },
};
