import { useRef, useState } from 'react';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { DIRECTORY_USERS_PAGE_SIZE, useDirectoryUsers } from '../hooks/useDirectoryUsers';
import { describeError } from '../internal/describeError';
import { AddDirectoryUserForm } from './AddDirectoryUserForm';
import { Alert } from './Alert';
import { DirectoryUserTable } from './DirectoryUserTable';
import { EditDirectoryUserDialog } from './EditDirectoryUserDialog';
import { Icon } from './Icon';
import { ImportUsersPanel } from './ImportUsersPanel';
import { ListPager } from './ListPager';
import { LoadingStatus } from './LoadingStatus';
import { RemoveDirectoryUserDialog } from './RemoveDirectoryUserDialog';
import { SetUserPasswordDialog } from './SetUserPasswordDialog';

type Open = { kind: 'edit' | 'password' | 'remove'; user: DirectoryUser } | null;

/**
 * The users of a built-in directory: search, a paginated table, adding one user, importing a
 * CSV file, and per user editing (or disabling), setting a password and removing.
 */
export function DirectoryUsersSection({ connectorId, titleId }: { connectorId: string; titleId: string }) {
  const view = useDirectoryUsers(connectorId);
  const [panel, setPanel] = useState<'add' | 'import' | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);

  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
  };
  const first = (view.page - 1) * DIRECTORY_USERS_PAGE_SIZE + 1;
  const last = first + view.users.length - 1;

  return (
    <>
      <div className="section-header">
        <div>
          <h2 id={titleId} ref={titleRef} tabIndex={-1}>
            Users
          </h2>
          <p className="muted">People who sign in with a password kept by Countersign.</p>
        </div>
        <div className="section-actions">
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={panel === 'import'}
            onClick={() => {
              setNotice(null);
              setPanel(panel === 'import' ? null : 'import');
            }}
          >
            <Icon name="upload" /> Import CSV
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={panel === 'add'}
            onClick={() => {
              setNotice(null);
              setPanel(panel === 'add' ? null : 'add');
            }}
          >
            <Icon name="plus" /> Add user
          </button>
        </div>
      </div>

      {panel === 'add' ? (
        <AddDirectoryUserForm
          connectorId={connectorId}
          onCancel={() => setPanel(null)}
          onAdded={(user) => {
            setPanel(null);
            setNotice(`${user.username} was added.`);
          }}
        />
      ) : null}
      {panel === 'import' ? <ImportUsersPanel connectorId={connectorId} onClose={() => setPanel(null)} /> : null}

      <div aria-live="polite">{notice ? <Alert tone="success">{notice}</Alert> : null}</div>

      <div className="field user-search">
        <label htmlFor={`${titleId}-search`}>Search users</label>
        <input
          id={`${titleId}-search`}
          type="search"
          placeholder="Username, email or name"
          autoComplete="off"
          value={view.searchText}
          onChange={(event) => view.setSearchText(event.target.value)}
        />
      </div>

      {view.error ? (
        <Alert title="The users could not be loaded">
          {describeError(view.error).message}{' '}
          <button type="button" className="link-button" onClick={view.retry}>
            Try again
          </button>
        </Alert>
      ) : null}

      {view.loading ? (
        <LoadingStatus>Loading users…</LoadingStatus>
      ) : view.users.length === 0 && !view.error ? (
        <p className="empty-note">
          {view.search ? `No user matches “${view.search}”.` : 'No users yet. Add one, or import a CSV file.'}
        </p>
      ) : (
        <div aria-busy={view.refreshing}>
          <DirectoryUserTable
            users={view.users}
            onEdit={(user) => setOpen({ kind: 'edit', user })}
            onSetPassword={(user) => setOpen({ kind: 'password', user })}
            onRemove={(user) => setOpen({ kind: 'remove', user })}
          />
        </div>
      )}

      {view.users.length > 0 ? (
        <div className="table-footer">
          <p className="muted table-count" aria-live="polite">
            {view.total <= view.users.length && view.page === 1
              ? `${view.total} ${view.total === 1 ? 'user' : 'users'}`
              : `${first}–${last} of ${view.total} users`}
            {view.search ? ` matching “${view.search}”` : ''}
          </p>
          {view.hasPrevious || view.hasNext ? (
            <ListPager label="Pages of users" hasPrevious={view.hasPrevious} hasNext={view.hasNext} onPrevious={view.previous} onNext={view.next} />
          ) : null}
        </div>
      ) : null}

      {open?.kind === 'edit' ? (
        <EditDirectoryUserDialog user={open.user} onClose={() => setOpen(null)} onSaved={(user) => done(`${user.username} was saved.`)} />
      ) : null}
      {open?.kind === 'password' ? (
        <SetUserPasswordDialog
          user={open.user}
          onClose={() => setOpen(null)}
          onSet={() => done(`The password of ${open.user.username} was set.`)}
        />
      ) : null}
      {open?.kind === 'remove' ? (
        <RemoveDirectoryUserDialog
          user={open.user}
          onClose={() => setOpen(null)}
          onRemoved={() => {
            done(`${open.user.username} was removed.`);
            // Its row, which opened the dialog, is gone: give focus a place that stays.
            window.setTimeout(() => titleRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
