import { prepared } from './internal/prepared';
import type { Projection } from './projection';
import type { AdminSessionEvent } from '../api/domain/admin-session';
import type { TenantEvent } from '../api/domain/tenant';

/**
 * Admin accounts per tenant: email, role, status (invited, active, removed), sealed password
 * hash once they have one, who invited them, and when they last signed in. An email is unique
 * among admins that are not removed, so a removed admin can be invited again.
 */
export const adminsProjection: Projection = {
  name: 'admins',
  version: 3,
  tables: ['admins'],
  schema: `CREATE TABLE IF NOT EXISTS admins (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active',
    password_hash TEXT,
    created_at TEXT NOT NULL,
    invited_by TEXT,
    invitation_expires_at TEXT,
    invitation_email_problem TEXT,
    last_sign_in_at TEXT,
    removed_at TEXT,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE UNIQUE INDEX IF NOT EXISTS admins_current_email ON admins (tenant_id, email) WHERE status != 'removed';`,
  eventTypes: [
    'AdminAdded', 'AdminRoleChanged', 'AdminPasswordChanged', 'AdminInvited', 'AdminInvitationResent',
    'AdminInvitationAccepted', 'AdminInvitationRevoked', 'AdminRemoved', 'AdminSignedIn', 'AdminInvitationEmailFailed',
  ],
  apply(db, recorded) {
    const event = recorded as unknown as TenantEvent | AdminSessionEvent;
    const tenantId = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    const update = (set: string, ...values: unknown[]) =>
      prepared(db, `UPDATE admins SET ${set} WHERE tenant_id = ? AND id = ?`).run(...values, tenantId, (event.data as { adminId: string }).adminId);
    switch (event.type) {
      case 'AdminAdded':
        prepared(db, "INSERT INTO admins (tenant_id, id, email, role, status, password_hash, created_at) VALUES (?, ?, ?, ?, 'active', ?, ?)").run(
          tenantId, event.data.adminId, event.data.email, event.data.role, event.data.passwordHash, at,
        );
        break;
      case 'AdminInvited':
        prepared(db, "INSERT INTO admins (tenant_id, id, email, role, status, created_at, invited_by, invitation_expires_at) VALUES (?, ?, ?, ?, 'invited', ?, ?, ?)").run(
          tenantId, event.data.adminId, event.data.email, event.data.role, at, event.data.invitedBy, event.data.expiresAt,
        );
        break;
      case 'AdminInvitationResent':
        update('invitation_expires_at = ?, invitation_email_problem = NULL', event.data.expiresAt);
        break;
      case 'AdminInvitationAccepted':
        update("status = 'active', password_hash = ?, invitation_expires_at = NULL, invitation_email_problem = NULL", event.data.passwordHash);
        break;
      case 'AdminInvitationRevoked':
      case 'AdminRemoved':
        update("status = 'removed', removed_at = ?, invitation_expires_at = NULL", at);
        break;
      case 'AdminRoleChanged':
        update('role = ?', event.data.role);
        break;
      case 'AdminPasswordChanged':
        update('password_hash = ?', event.data.passwordHash);
        break;
      case 'AdminSignedIn':
        update('last_sign_in_at = ?', at);
        break;
      case 'AdminInvitationEmailFailed':
        // Only a final failure is news for the owner: a try that will be retried may still succeed.
        if (event.data.final) update('invitation_email_problem = ?', event.data.reason);
        break;
    }
  },
};
