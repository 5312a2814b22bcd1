import { prepared } from './internal/prepared';
import type { AdminSessionEvent } from '../api/domain/admin-session';
import type { TenantEvent } from '../api/domain/tenant';
import type { Projection } from './projection';

/** Live admin sessions, looked up by the hash of the cookie token; removing an admin ends theirs. */
export const adminSessionsProjection: Projection = {
  name: 'admin_sessions',
  version: 1,
  tables: ['admin_sessions'],
  schema: `CREATE TABLE IF NOT EXISTS admin_sessions (
    session_key TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    admin_id TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;`,
  eventTypes: ['AdminSignedIn', 'AdminSignedOut', 'AdminRemoved'],
  apply(db, recorded) {
    const event = recorded as unknown as AdminSessionEvent | TenantEvent;
    if (event.type === 'AdminSignedIn') {
      prepared(db, 'INSERT OR REPLACE INTO admin_sessions (session_key, tenant_id, admin_id, expires_at) VALUES (?, ?, ?, ?)').run(
        event.data.sessionKey,
        recorded.metadata.tenantId,
        event.data.adminId,
        event.data.expiresAt,
      );
    } else if (event.type === 'AdminSignedOut') {
      prepared(db, 'DELETE FROM admin_sessions WHERE session_key = ?').run(event.data.sessionKey);
    } else if (event.type === 'AdminRemoved') {
      prepared(db, 'DELETE FROM admin_sessions WHERE tenant_id = ? AND admin_id = ?').run(recorded.metadata.tenantId, event.data.adminId);
    }
  },
};
