import { useMutation } from 'urql';
import { DeleteDirectoryConnectorMutation } from '../graphql/DeleteDirectoryConnectorMutation';
import type { DirectoryConnector } from '../graphql/directoryTypes';
import { DeleteDialog } from './DeleteDialog';

const connectorsChanged = { additionalTypenames: ['DirectoryConnector'] };

/** Asks before deleting a connector, saying what goes with it; calls `onDeleted` once it is gone. */
export function DeleteConnectorDialog({
  connector,
  onClose,
  onDeleted,
}: {
  connector: DirectoryConnector;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [{ fetching }, deleteConnector] = useMutation(DeleteDirectoryConnectorMutation);
  const users = connector.userCount ?? 0;

  return (
    <DeleteDialog name={connector.name} confirmLabel="Delete connector" busy={fetching} remove={() => deleteConnector({ id: connector.id }, connectorsChanged)} onClose={onClose} onDeleted={onDeleted}>
      <p>Users of services that sign in against this directory will no longer be able to sign in.</p>
      {connector.type === 'BUILT_IN' && users > 0 ? (
        <p>
          Its {users === 1 ? 'one user' : `${users} users`} and their passwords are deleted with it. This cannot be
          undone.
        </p>
      ) : connector.type === 'BUILT_IN' ? (
        <p>It has no users. This cannot be undone.</p>
      ) : (
        <p>Nothing changes in the LDAP directory itself. This cannot be undone.</p>
      )}
    </DeleteDialog>
  );
}
