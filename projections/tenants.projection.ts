import { prepared } from './internal/prepared';
import type { TenantEvent } from '../api/domain/tenant';
import type { Projection } from './projection';

export const tenantsProjection: Projection = {
  name: 'tenants',
  version: 1,
  tables: ['tenants'],
  schema: `CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;`,
  eventTypes: ['TenantCreated'],
  apply(db, recorded) {
    const event = recorded as unknown as TenantEvent;
    if (event.type === 'TenantCreated') {
      prepared(db, 'INSERT OR IGNORE INTO tenants (id, name, created_at) VALUES (?, ?, ?)').run(
        event.data.tenantId,
        event.data.name,
        recorded.metadata.timestamp,
      );
    }
  },
};
