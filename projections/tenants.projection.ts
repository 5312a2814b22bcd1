import { prepared } from './internal/prepared';
import { defaultSignInPolicy, type TenantEvent } from '../api/domain/tenant';
import type { Projection } from './projection';

export const tenantsProjection: Projection = {
  name: 'tenants',
  version: 3,
  tables: ['tenants'],
  schema: `CREATE TABLE IF NOT EXISTS tenants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    signin_max_failures INTEGER NOT NULL DEFAULT ${defaultSignInPolicy.maxFailures},
    signin_window_minutes INTEGER NOT NULL DEFAULT ${defaultSignInPolicy.windowMinutes},
    audit_retention_days INTEGER
  ) WITHOUT ROWID;`,
  eventTypes: ['TenantCreated', 'SignInPolicySet', 'AuditRetentionSet'],
  apply(db, recorded) {
    const event = recorded as unknown as TenantEvent;
    if (event.type === 'AuditRetentionSet') {
      prepared(db, 'UPDATE tenants SET audit_retention_days = ? WHERE id = ?').run(event.data.days, recorded.metadata.tenantId);
    } else if (event.type === 'SignInPolicySet') {
      prepared(db, 'UPDATE tenants SET signin_max_failures = ?, signin_window_minutes = ? WHERE id = ?').run(
        event.data.maxFailures,
        event.data.windowMinutes,
        recorded.metadata.tenantId,
      );
    } else if (event.type === 'TenantCreated') {
      prepared(db, 'INSERT OR IGNORE INTO tenants (id, name, created_at) VALUES (?, ?, ?)').run(
        event.data.tenantId,
        event.data.name,
        recorded.metadata.timestamp,
      );
    }
  },
};
