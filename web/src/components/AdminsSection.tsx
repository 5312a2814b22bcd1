import '../admins.css';
import { useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import type { AdminAccount } from '../graphql/adminTypes';
import { ChangeAdminRoleMutation } from '../graphql/ChangeAdminRoleMutation';
import { ResendAdminInvitationMutation } from '../graphql/ResendAdminInvitationMutation';
import type { AdminRole } from '../graphql/types';
import { ADMINS_PAGE_SIZE, adminsContext, useAdminAccounts } from '../hooks/useAdminAccounts';
import { ADMIN_ROLES, roleLabel } from '../internal/adminRoles';
import { describeError } from '../internal/describeError';
import { AdminTable } from './AdminTable';
import { Alert } from './Alert';
import { ConfirmAdminChangeDialog, type AdminChange } from './ConfirmAdminChangeDialog';
import { Icon } from './Icon';
import { InviteAdminDialog } from './InviteAdminDialog';
import { ListPager } from './ListPager';
import { LoadingStatus } from './LoadingStatus';

/**
 * Settings › Admins & roles: who runs the organisation, searchable, with removed admins on
 * request. Owners invite (by email), change roles (confirming before demoting an owner),
 * resend or revoke invitations and remove admins; everyone else sees the list read-only.
 */
export function AdminsSection({ titleId, canManage }: { titleId: string; canManage: boolean }) {
  const view = useAdminAccounts();
  const [inviting, setInviting] = useState(false);
  const [confirming, setConfirming] = useState<AdminChange | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [, changeRole] = useMutation(ChangeAdminRoleMutation);
  const [, resend] = useMutation(ResendAdminInvitationMutation);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const searchId = useId();

  const say = (message: string) => {
    setProblem(null);
    setNotice(message);
  };
  const run = async (admin: AdminAccount, action: () => Promise<{ error?: Parameters<typeof describeError>[0] }>, success: string) => {
    setNotice(null);
    setProblem(null);
    setBusyId(admin.id);
    const result = await action();
    setBusyId(null);
    if (result.error) setProblem(describeError(result.error).message);
    else say(success);
  };

  const onRoleChange = (admin: AdminAccount, role: AdminRole) => {
    if (admin.role === 'OWNER') {
      setConfirming({ kind: 'demote', admin, role });
      return;
    }
    void run(admin, () => changeRole({ id: admin.id, role }, adminsContext), `${admin.email} is now ${roleLabel(role).toLowerCase()}.`);
  };

  const first = (view.page - 1) * ADMINS_PAGE_SIZE + 1;
  const last = first + view.admins.length - 1;
  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId} ref={headingRef} tabIndex={-1}>
            Admins &amp; roles
          </h2>
          <p className="page-intro">
            People who run Countersign for your organisation.
            {canManage ? null : ' Only owners can invite or remove admins and change roles.'}
          </p>
        </div>
        {canManage ? (
          <button type="button" className="button" onClick={() => setInviting(true)}>
            <Icon name="plus" /> Invite admin
          </button>
        ) : null}
      </div>

      <ul className="role-legend" aria-label="What each role may do">
        {ADMIN_ROLES.map((role) => (
          <li key={role.value}>
            <strong>{role.label}:</strong> {role.explanation}
          </li>
        ))}
      </ul>

      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>
      {problem ? <Alert title="That did not work">{problem}</Alert> : null}

      <div className="admin-filters">
        <div className="field">
          <label htmlFor={searchId}>Search admins</label>
          <input id={searchId} type="search" placeholder="Email" autoComplete="off" value={view.searchText} onChange={(event) => view.setSearchText(event.target.value)} />
        </div>
        <label className="checkbox-row admin-show-removed">
          <input type="checkbox" checked={view.showRemoved} onChange={(event) => view.setShowRemoved(event.target.checked)} />
          Show removed admins
        </label>
      </div>

      {view.error ? (
        <Alert title="The admins could not be loaded">
          {describeError(view.error).message}{' '}
          <button type="button" className="link-button" onClick={view.retry}>
            Try again
          </button>
        </Alert>
      ) : null}

      {view.loading ? (
        <LoadingStatus>Loading admins…</LoadingStatus>
      ) : view.admins.length === 0 && !view.error ? (
        <p className="empty-note">{view.search ? `No admin matches “${view.search}”.` : 'No admins to show.'}</p>
      ) : (
        <div aria-busy={view.refreshing}>
          <AdminTable
            admins={view.admins}
            canManage={canManage}
            busyId={busyId}
            onRoleChange={onRoleChange}
            onResend={(admin) => void run(admin, () => resend({ id: admin.id }, adminsContext), `A new invitation was sent to ${admin.email}; the earlier link no longer works.`)}
            onRevoke={(admin) => setConfirming({ kind: 'revoke', admin })}
            onRemove={(admin) => setConfirming({ kind: 'remove', admin })}
          />
        </div>
      )}

      {view.admins.length > 0 && (view.hasPrevious || view.hasNext) ? (
        <div className="table-footer">
          <p className="muted table-count" aria-live="polite">
            {first}–{last} of {view.total} admins
          </p>
          <ListPager label="Pages of admins" hasPrevious={view.hasPrevious} hasNext={view.hasNext} onPrevious={view.previous} onNext={view.next} />
        </div>
      ) : null}

      {inviting ? (
        <InviteAdminDialog
          onClose={() => setInviting(false)}
          onInvited={(admin) => {
            setInviting(false);
            say(`An invitation was sent to ${admin.email}. They join as ${roleLabel(admin.role).toLowerCase()} once they choose a password (the link works for 7 days).`);
          }}
        />
      ) : null}
      {confirming ? (
        <ConfirmAdminChangeDialog
          change={confirming}
          onClose={() => setConfirming(null)}
          onDone={(message) => {
            setConfirming(null);
            say(message);
            // The row that opened the dialog may be gone: give focus a place that stays.
            window.setTimeout(() => headingRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
