import type { DirectoryUser } from '../graphql/directoryTypes';
import { Icon } from './Icon';

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
                <button type="button" className="action" title="Edit" onClick={() => onEdit(user)}>
                  <Icon name="pencil" />
                  <span className="action-text">Edit</span>
                  <span className="visually-hidden"> {user.username}</span>
                </button>
                <button type="button" className="action" title="Set password" onClick={() => onSetPassword(user)}>
                  <Icon name="key" />
                  <span className="visually-hidden">Set </span>
                  <span className="action-text">Password</span>
                  <span className="visually-hidden"> for {user.username}</span>
                </button>
                <button type="button" className="action action-danger" title="Remove" onClick={() => onRemove(user)}>
                  <Icon name="trash" />
                  <span className="action-text">Remove</span>
                  <span className="visually-hidden"> {user.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
