import type { DirectoryUserEvent } from '../api/domain/directory-user';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/** Users of built-in directories: profile, enabled flag, sealed password hash. */
export const directoryUsersProjection: Projection = {
  name: 'directory_users',
  version: 1,
  tables: ['directory_users'],
  schema: `CREATE TABLE IF NOT EXISTS directory_users (
    tenant_id TEXT NOT NULL,
    connector_id TEXT NOT NULL,
    id TEXT NOT NULL,
    username TEXT NOT NULL,
    username_lower TEXT NOT NULL,
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    phone TEXT,
    immutable_id TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    password_hash TEXT,
    password_set_at TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS directory_users_login ON directory_users (tenant_id, connector_id, username_lower);`,
  eventTypes: ['DirectoryUserAdded', 'DirectoryUserUpdated', 'DirectoryUserRemoved', 'PasswordSet', 'DirectoryConnectorDeleted'],
  apply(db, recorded) {
    const tenant = recorded.metadata.tenantId;
    if (recorded.type === 'DirectoryConnectorDeleted') {
      prepared(db, 'DELETE FROM directory_users WHERE tenant_id = ? AND connector_id = ?').run(tenant, (recorded.data as { connectorId: string }).connectorId);
      return;
    }
    const event = recorded as unknown as DirectoryUserEvent;
    const d = event.data;
    switch (event.type) {
      case 'DirectoryUserAdded':
        prepared(db, `INSERT INTO directory_users (tenant_id, connector_id, id, username, username_lower, email, display_name, phone, immutable_id, enabled, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(tenant, d.connectorId, d.userId, event.data.username, event.data.username.toLowerCase(), event.data.email,
          event.data.displayName, event.data.phone, event.data.immutableId, event.data.enabled ? 1 : 0, recorded.metadata.timestamp);
        break;
      case 'DirectoryUserUpdated':
        prepared(db, 'UPDATE directory_users SET email = ?, display_name = ?, phone = ?, immutable_id = ?, enabled = ? WHERE tenant_id = ? AND id = ?').run(
          event.data.email, event.data.displayName, event.data.phone, event.data.immutableId, event.data.enabled ? 1 : 0, tenant, d.userId);
        break;
      case 'DirectoryUserRemoved':
        prepared(db, 'DELETE FROM directory_users WHERE tenant_id = ? AND id = ?').run(tenant, d.userId);
        break;
      case 'PasswordSet':
        prepared(db, 'UPDATE directory_users SET password_hash = ?, password_set_at = ? WHERE tenant_id = ? AND id = ?').run(
          event.data.passwordHash, recorded.metadata.timestamp, tenant, d.userId);
        break;
    }
  },
};
