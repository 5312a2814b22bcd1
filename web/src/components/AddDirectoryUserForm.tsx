import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { AddDirectoryUserMutation } from '../graphql/AddDirectoryUserMutation';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
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

/** Adds one user to a built-in directory, with an optional first password. */
export function AddDirectoryUserForm({ connectorId, onAdded, onCancel }: AddDirectoryUserFormProps) {
  const [{ fetching }, addUser] = useMutation(AddDirectoryUserMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [details, setDetails] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const result = await addUser(
      {
        connectorId,
        input: {
          username: username.trim(),
          displayName: details.displayName.trim(),
          email: details.email.trim(),
          phone: details.phone.trim() || null,
          immutableId: details.immutableId.trim() || null,
          enabled: details.enabled,
          password: password || null,
        },
      },
      usersChanged,
    );
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
    <form ref={formRef} className="form subform" onSubmit={onSubmit} noValidate aria-labelledby="add-user-title">
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
          onChange={(event) => setUsername(event.target.value)}
          error={errors.username}
          hint="What the user types to sign in; letters, digits, dots, hyphens, underscores or @. It cannot be changed later."
        />
        <TextField
          label="First password (optional)"
          name="new-user-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
          hint="At least 10 characters. Leave empty and set it later; until then the user cannot sign in."
        />
        <UserDetailsFields values={details} onChange={setDetails} errors={errors} adding />
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
