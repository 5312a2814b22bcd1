import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { SetDirectoryUserPasswordMutation } from '../graphql/SetDirectoryUserPasswordMutation';
import { describeError } from '../internal/describeError';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { TextField } from './TextField';

const usersChanged = { additionalTypenames: ['DirectoryUser'] };
const MIN_LENGTH = 10;

/** Sets a built-in directory user's password; the admin then tells the user by a channel of their own. */
export function SetUserPasswordDialog({ user, onClose, onSet }: { user: DirectoryUser; onClose: () => void; onSet: () => void }) {
  const [{ fetching }, setUserPassword] = useMutation(SetDirectoryUserPasswordMutation);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<{ message: string; fields: Record<string, string> } | null>(null);
  const formId = `password-${user.id}`;
  const confirmError = submitted && confirm !== password ? 'The passwords do not match.' : undefined;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (confirm !== password) return;
    const result = await setUserPassword({ id: user.id, password }, usersChanged);
    if (result.error) {
      const info = describeError(result.error);
      setError({ message: info.message, fields: friendlyFieldErrors(info.fields) });
      return;
    }
    onSet();
  }

  const passwordError = error?.fields.password;
  return (
    <Dialog
      title={`Set a password for ${user.username}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={formId} className="button" disabled={fetching}>
            {fetching ? 'Setting…' : 'Set password'}
          </button>
        </>
      }
    >
      <form id={formId} className="form" onSubmit={onSubmit} noValidate>
        {error && !passwordError ? <Alert>{error.message}</Alert> : null}
        <TextField
          label="New password"
          type="password"
          autoComplete="new-password"
          data-autofocus
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={passwordError}
          hint={`At least ${MIN_LENGTH} characters. It replaces the current one at once; tell the user by a channel of your own.`}
        />
        <TextField
          label="Confirm the password"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          error={confirmError}
        />
      </form>
    </Dialog>
  );
}
