import { prepared } from './internal/prepared';
import type { Projection } from './projection';
import type { TenantEvent } from '../api/domain/tenant';

/** Admin accounts per tenant: email, role, sealed password hash. */
export const adminsProjection: Projection = {
  name: 'admins',
  version: 1,
  tables: ['admins'],
  schema: `CREATE TABLE IF NOT EXISTS admins (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS admins_email ON admins (tenant_id, email);`,
  eventTypes: ['AdminAdded', 'AdminRoleChanged', 'AdminPasswordChanged'],
  apply(db, recorded) {
    const event = recorded as unknown as TenantEvent;
    const tenantId = recorded.metadata.tenantId;
    switch (event.type) {
      case 'AdminAdded':
        prepared(db, 'INSERT INTO admins (tenant_id, id, email, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          tenantId,
          event.data.adminId,
          event.data.email,
          event.data.role,
          event.data.passwordHash,
          recorded.metadata.timestamp,
        );
        break;
      case 'AdminRoleChanged':
        prepared(db, 'UPDATE admins SET role = ? WHERE tenant_id = ? AND id = ?').run(event.data.role, tenantId, event.data.adminId);
        break;
      case 'AdminPasswordChanged':
        prepared(db, 'UPDATE admins SET password_hash = ? WHERE tenant_id = ? AND id = ?').run(
          event.data.passwordHash,
          tenantId,
          event.data.adminId,
        );
        break;
    }
  },
};
