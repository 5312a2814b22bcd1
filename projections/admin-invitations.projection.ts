import { prepared } from './internal/prepared';
import type { Projection } from './projection';
import type { TenantEvent } from '../api/domain/tenant';

/**
 * Every invitation link ever issued, by the SHA-256 of its token: which admin it invites and
 * what became of it (pending, replaced by a resend, accepted, revoked), so a link that no
 * longer works can say why. The token itself is never stored.
 */
export const adminInvitationsProjection: Projection = {
  name: 'admin_invitations',
  version: 1,
  tables: ['admin_invitations'],
  schema: `CREATE TABLE IF NOT EXISTS admin_invitations (
    token_hash TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    admin_id TEXT NOT NULL,
    status TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS admin_invitations_admin ON admin_invitations (tenant_id, admin_id);`,
  eventTypes: ['AdminInvited', 'AdminInvitationResent', 'AdminInvitationAccepted', 'AdminInvitationRevoked', 'AdminRemoved'],
  apply(db, recorded) {
    const event = recorded as unknown as TenantEvent;
    const tenantId = recorded.metadata.tenantId;
    const settle = (status: string, adminId: string) =>
      prepared(db, "UPDATE admin_invitations SET status = ? WHERE tenant_id = ? AND admin_id = ? AND status = 'pending'").run(status, tenantId, adminId);
    switch (event.type) {
      case 'AdminInvited':
      case 'AdminInvitationResent':
        if (event.type === 'AdminInvitationResent') settle('replaced', event.data.adminId);
        prepared(db, "INSERT OR REPLACE INTO admin_invitations (token_hash, tenant_id, admin_id, status, expires_at) VALUES (?, ?, ?, 'pending', ?)").run(
          event.data.tokenHash, tenantId, event.data.adminId, event.data.expiresAt,
        );
        break;
      case 'AdminInvitationAccepted':
        settle('accepted', event.data.adminId);
        break;
      case 'AdminInvitationRevoked':
      case 'AdminRemoved':
        settle('revoked', event.data.adminId);
        break;
    }
  },
};
