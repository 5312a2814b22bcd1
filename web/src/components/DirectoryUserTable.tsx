import type { DirectoryUser } from '../graphql/directoryTypes';
import { RowActionButton } from './RowAction';

export interface DirectoryUserTableProps {
  users: DirectoryUser[];
  onEdit: (user: DirectoryUser) => void;
  onSetPassword: (user: DirectoryUser) => void;
  onRemove: (user: DirectoryUser) => void;
}

/** Built-in directory users: username, name, email, whether enabled and whether they have a password. */
export function DirectoryUserTable({ users, onEdit, onSetPassword, onRemove }: DirectoryUserTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table user-table">
        <caption className="visually-hidden">Users of this directory, by username</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Password</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className="user-username">
                {user.username}
              </th>
              <td data-label="Name">{user.displayName}</td>
              <td data-label="Email" className="user-email">
                {user.email}
              </td>
              <td data-label="Status">
                {user.enabled ? <span className="tag tag-ok">Enabled</span> : <span className="tag tag-warning">Disabled</span>}
              </td>
              <td data-label="Password">{user.hasPassword ? 'Set' : <span className="text-warning">Not set</span>}</td>
              <td className="row-actions">
                <RowActionButton icon="pencil" label="Edit" subject={user.username} onClick={() => onEdit(user)} />
                <RowActionButton
                  icon="key"
                  hiddenPrefix="Set "
                  label="Password"
                  title="Set password"
                  subject={`for ${user.username}`}
                  onClick={() => onSetPassword(user)}
                />
                <RowActionButton icon="trash" label="Remove" danger subject={user.username} onClick={() => onRemove(user)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
