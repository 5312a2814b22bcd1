import { useState } from 'react';
import { useMutation } from 'urql';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { RemoveDirectoryUserMutation } from '../graphql/RemoveDirectoryUserMutation';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';

const usersChanged = { additionalTypenames: ['DirectoryUser', 'DirectoryConnector'] };

/** Asks before removing a user from a built-in directory. */
export function RemoveDirectoryUserDialog({ user, onClose, onRemoved }: { user: DirectoryUser; onClose: () => void; onRemoved: () => void }) {
  const [{ fetching }, removeUser] = useMutation(RemoveDirectoryUserMutation);
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setError(null);
    const result = await removeUser({ id: user.id }, usersChanged);
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    onRemoved();
  }

  return (
    <ConfirmDialog
      title={`Remove ${user.username}?`}
      confirmLabel="Remove user"
      busyLabel="Removing…"
      busy={fetching}
      error={error}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      <p>
        {user.displayName} ({user.email}) will no longer be able to sign in. Their password is deleted. To stop them
        signing in for a while instead, edit them and untick Enabled.
      </p>
    </ConfirmDialog>
  );
}
