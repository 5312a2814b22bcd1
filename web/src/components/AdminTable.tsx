import type { AdminAccount } from '../graphql/adminTypes';
import type { AdminRole } from '../graphql/types';
import { ADMIN_ROLES, ADMIN_STATE_LABELS, roleLabel } from '../internal/adminRoles';
import { formatTime } from '../internal/formatTime';
import { RowActionButton } from './RowAction';

export interface AdminTableProps {
  admins: AdminAccount[];
  /** Owners get a role select and the actions; everyone else sees the list only. */
  canManage: boolean;
  /** The admin whose change is being saved, if any. */
  busyId: string | null;
  onRoleChange: (admin: AdminAccount, role: AdminRole) => void;
  onResend: (admin: AdminAccount) => void;
  onRevoke: (admin: AdminAccount) => void;
  onRemove: (admin: AdminAccount) => void;
}

const STATE_CLASS = { ACTIVE: 'pill pill-ok', INVITED: 'pill pill-invited', REMOVED: 'pill pill-removed' } as const;

/** The admins of the organisation: email, role, state, last sign-in and who invited them. */
export function AdminTable({ admins, canManage, busyId, onRoleChange, onResend, onRevoke, onRemove }: AdminTableProps) {
  return (
    <div className="table-wrap table-compact">
      <table className="data-table admin-table">
        <caption className="visually-hidden">Admins of your organisation, by email</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Invited by</th>
            {canManage ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {admins.map((admin) => (
            <tr key={admin.id} className={admin.state === 'REMOVED' ? 'removed' : undefined} aria-busy={busyId === admin.id || undefined}>
              <th scope="row" className="admin-email">
                {admin.email}
                {admin.isYou ? <span className="tag admin-you">You</span> : null}
              </th>
              <td data-label="Role">
                {canManage && admin.state !== 'REMOVED' ? (
                  <select
                    className="admin-role-select"
                    aria-label={`Role of ${admin.email}`}
                    value={admin.role}
                    disabled={busyId === admin.id}
                    onChange={(event) => onRoleChange(admin, event.target.value as AdminRole)}
                  >
                    {ADMIN_ROLES.map((role) => (
                      <option key={role.value} value={role.value}>
                        {role.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span>{roleLabel(admin.role)}</span>
                )}
              </td>
              <td data-label="State">
                <span className="admin-state">
                  <span className={STATE_CLASS[admin.state]}>{ADMIN_STATE_LABELS[admin.state]}</span>
                  {admin.state === 'INVITED' && admin.invitationExpiresAt ? (
                    <span className="muted">
                      link until <time dateTime={admin.invitationExpiresAt}>{formatTime(admin.invitationExpiresAt)}</time>
                    </span>
                  ) : null}
                  {admin.invitationEmailProblem ? (
                    <span className="admin-email-problem">
                      Email not sent: {admin.invitationEmailProblem} Fix the address or the mail settings, then resend.
                    </span>
                  ) : null}
                </span>
              </td>
              <td data-label="Last sign-in">
                {admin.lastSignInAt ? <time dateTime={admin.lastSignInAt}>{formatTime(admin.lastSignInAt)}</time> : <span className="muted">Never</span>}
              </td>
              <td data-label="Invited by">{admin.invitedBy ?? <span className="muted">Setup</span>}</td>
              {canManage ? (
                <td className="row-actions">
                  {admin.state === 'INVITED' ? (
                    <>
                      <RowActionButton
                        icon="envelope"
                        label="Resend"
                        title="Resend invitation"
                        subject={`the invitation to ${admin.email}`}
                        disabled={busyId === admin.id}
                        onClick={() => onResend(admin)}
                      />
                      <RowActionButton
                        icon="cross"
                        label="Revoke"
                        title="Revoke invitation"
                        danger
                        subject={`the invitation to ${admin.email}`}
                        onClick={() => onRevoke(admin)}
                      />
                    </>
                  ) : null}
                  {admin.state === 'ACTIVE' && !admin.isYou ? (
                    <RowActionButton icon="trash" label="Remove" title="Remove admin" danger subject={admin.email} onClick={() => onRemove(admin)} />
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
