import { useState } from 'react';
import { useMutation } from 'urql';
import type { AdminAccount } from '../graphql/adminTypes';
import { ChangeAdminRoleMutation } from '../graphql/ChangeAdminRoleMutation';
import { RemoveAdminMutation } from '../graphql/RemoveAdminMutation';
import { RevokeAdminInvitationMutation } from '../graphql/RevokeAdminInvitationMutation';
import type { AdminRole } from '../graphql/types';
import { adminsContext } from '../hooks/useAdminAccounts';
import { roleExplanation, roleLabel } from '../internal/adminRoles';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';

/** A change to an admin that deserves a second look before it happens. */
export type AdminChange =
  | { kind: 'demote'; admin: AdminAccount; role: AdminRole }
  | { kind: 'remove'; admin: AdminAccount }
  | { kind: 'revoke'; admin: AdminAccount };

/**
 * Asks before demoting an owner, removing an admin or revoking an invitation, runs it, and
 * shows the server's refusal (last owner, yourself) in the dialog.
 */
export function ConfirmAdminChangeDialog({ change, onClose, onDone }: { change: AdminChange; onClose: () => void; onDone: (message: string) => void }) {
  const [changeRole, runChangeRole] = useMutation(ChangeAdminRoleMutation);
  const [remove, runRemove] = useMutation(RemoveAdminMutation);
  const [revoke, runRevoke] = useMutation(RevokeAdminInvitationMutation);
  const [error, setError] = useState<string | null>(null);
  const { admin } = change;
  const who = admin.isYou ? 'yourself' : admin.email;

  async function onConfirm() {
    setError(null);
    const id = admin.id;
    const result =
      change.kind === 'demote'
        ? await runChangeRole({ id, role: change.role }, adminsContext)
        : change.kind === 'remove'
          ? await runRemove({ id }, adminsContext)
          : await runRevoke({ id }, adminsContext);
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    onDone(
      change.kind === 'demote'
        ? `${admin.email} is now ${roleLabel(change.role).toLowerCase()}.`
        : change.kind === 'remove'
          ? `${admin.email} was removed and signed out.`
          : `The invitation to ${admin.email} was revoked.`,
    );
  }

  if (change.kind === 'demote') {
    return (
      <ConfirmDialog
        title={`Make ${who} ${roleLabel(change.role).toLowerCase()}?`}
        confirmLabel={`Make ${roleLabel(change.role).toLowerCase()}`}
        busyLabel="Changing…"
        busy={changeRole.fetching}
        error={error}
        onConfirm={onConfirm}
        onCancel={onClose}
      >
        <p>
          {admin.isYou ? 'You' : admin.email} will no longer be an owner: no more inviting or removing admins or managing API keys.
          As {roleLabel(change.role).toLowerCase()}: {roleExplanation(change.role)}
        </p>
        {admin.isYou ? <p>Only another owner can make you an owner again.</p> : null}
      </ConfirmDialog>
    );
  }
  if (change.kind === 'remove') {
    return (
      <ConfirmDialog title={`Remove ${admin.email}?`} confirmLabel="Remove admin" busyLabel="Removing…" busy={remove.fetching} error={error} onConfirm={onConfirm} onCancel={onClose}>
        <p>They are signed out at once and can no longer sign in. Their actions stay in the audit history. To give them access again, invite them again.</p>
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog title={`Revoke the invitation to ${admin.email}?`} confirmLabel="Revoke invitation" busyLabel="Revoking…" busy={revoke.fetching} error={error} onConfirm={onConfirm} onCancel={onClose}>
      <p>The link in their email stops working. You can invite them again later.</p>
    </ConfirmDialog>
  );
}
