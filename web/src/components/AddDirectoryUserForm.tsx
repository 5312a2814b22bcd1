import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AddDirectoryUserMutation } from '../graphql/AddDirectoryUserMutation';
import { CheckDirectoryUserInputQuery } from '../graphql/CheckDirectoryUserInputQuery';
import { useServerCheck } from '../hooks/useServerCheck';
import type { DirectoryUser, NewDirectoryUserInput } from '../graphql/directoryTypes';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextField } from './TextField';
import { UserDetailsFields, type UserDetails } from './UserDetailsFields';

/** The user list and the connector's user count both change. */
const usersChanged = { additionalTypenames: ['DirectoryUser', 'DirectoryConnector'] };
const EMPTY: UserDetails = { displayName: '', email: '', phone: '', immutableId: '', enabled: true };

export interface AddDirectoryUserFormProps {
  connectorId: string;
  onAdded: (user: DirectoryUser) => void;
  onCancel: () => void;
}

const inputOf = (username: string, password: string, details: UserDetails): NewDirectoryUserInput => ({
  username: username.trim(),
  displayName: details.displayName.trim(),
  email: details.email.trim(),
  phone: details.phone.trim() || null,
  immutableId: details.immutableId.trim() || null,
  enabled: details.enabled,
  password: password || null,
});

/**
 * Adds one user to a built-in directory, with an optional first password. The server's messages
 * show under the fields as the admin types; a username already taken shows under the username.
 */
export function AddDirectoryUserForm({ connectorId, onAdded, onCancel }: AddDirectoryUserFormProps) {
  const [{ fetching }, addUser] = useMutation(AddDirectoryUserMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [details, setDetails] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  // The one problem not tied to a field this form can meet is a username already taken.
  const live = useServerCheck(CheckDirectoryUserInputQuery, { connectorId, input: inputOf(username, password, details) }, { messageField: 'username' });
  const shown = { ...live.errors, ...errors };
  const edit = (field: string, apply: () => void) => {
    apply();
    live.touch(field);
    setErrors((current) => {
      if (!(field in current)) return current;
      const { [field]: _, ...rest } = current;
      return rest;
    });
  };
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
    setProblem(null);
    const result = await addUser({ connectorId, input: inputOf(username, password, details) }, usersChanged);
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      if (info.code === 'ALREADY_EXISTS') fields.username = info.message;
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    if (result.data) onAdded(result.data.addDirectoryUser);
  }

  return (
    <form ref={formRef} className="form subform" onSubmit={onSubmit} onBlur={live.onBlur} noValidate aria-labelledby="add-user-title">
      <ServerCheckAnnouncer text={live.announcement} />
      <h3 id="add-user-title">Add a user</h3>
      {problem ? <Alert>{problem}</Alert> : null}
      <div className="form-grid">
        <TextField
          label="Username"
          name="username"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
          autoFocus
          value={username}
          onChange={(event) => edit('username', () => setUsername(event.target.value))}
          error={shown.username}
          hint="What the user types to sign in; letters, digits, dots, hyphens, underscores or @. It cannot be changed later."
        />
        <TextField
          label="First password (optional)"
          name="new-user-password"
          data-field="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => edit('password', () => setPassword(event.target.value))}
          error={shown.password}
          hint="At least 10 characters. Leave empty and set it later; until then the user cannot sign in."
        />
        <UserDetailsFields
          values={details}
          onChange={(next) => {
            for (const key of Object.keys(next) as (keyof UserDetails)[]) if (next[key] !== details[key]) edit(key, () => undefined);
            setDetails(next);
          }}
          errors={shown}
          adding
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={fetching}>
          {fetching ? 'Adding…' : 'Add user'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
