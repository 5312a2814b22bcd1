import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { AdminAccount } from '../graphql/adminTypes';
import { InviteAdminMutation } from '../graphql/InviteAdminMutation';
import type { AdminRole } from '../graphql/types';
import { adminsContext } from '../hooks/useAdminAccounts';
import { ADMIN_ROLES } from '../internal/adminRoles';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { TextField } from './TextField';

/** Invites an admin: their email and a role, each role with a line on what it may do. */
export function InviteAdminDialog({ onClose, onInvited }: { onClose: () => void; onInvited: (admin: AdminAccount) => void }) {
  const [{ fetching }, invite] = useMutation(InviteAdminMutation);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AdminRole>('AUDITOR');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const roleId = useId();
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setErrors({ email: 'Enter the email address they will sign in with, like name@example.com.' });
      setRound((n) => n + 1);
      return;
    }
    const result = await invite({ email: email.trim(), role }, adminsContext);
    if (result.error) {
      const info = describeError(result.error);
      const fields = friendlyFieldErrors(info.fields);
      // The field says what is wrong; the message says what to do instead (e.g. resend).
      if (info.code === 'ADMIN_EMAIL_TAKEN') fields.email = info.message;
      setErrors(fields);
      setProblem(Object.keys(fields).length > 0 ? null : info.message);
      setRound((n) => n + 1);
      return;
    }
    if (result.data) onInvited(result.data.inviteAdmin);
  }

  return (
    <Dialog
      title="Invite an admin"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="invite-admin" className="button" disabled={fetching}>
            {fetching ? 'Sending…' : 'Send invitation'}
          </button>
        </>
      }
    >
      <form id="invite-admin" ref={formRef} className="form" onSubmit={onSubmit} noValidate>
        {problem ? <Alert>{problem}</Alert> : null}
        <TextField
          label="Email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          data-autofocus
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setErrors(({ email: _gone, ...rest }) => rest);
          }}
          error={errors.email}
          hint="We email them a link to choose a password. It works once, for 7 days."
        />
        <fieldset className="scope-list role-choice" aria-describedby={errors.role ? `${roleId}-error` : undefined}>
          <legend>Role</legend>
          {ADMIN_ROLES.map((option) => (
            <div key={option.value} className="field field-checkbox">
              <div className="checkbox-row">
                <input
                  type="radio"
                  id={`${roleId}-${option.value}`}
                  name="role"
                  value={option.value}
                  checked={role === option.value}
                  onChange={() => setRole(option.value)}
                  aria-describedby={`${roleId}-${option.value}-hint`}
                  aria-invalid={errors.role ? true : undefined}
                />
                <label htmlFor={`${roleId}-${option.value}`}>{option.label}</label>
              </div>
              <p id={`${roleId}-${option.value}-hint`} className="field-hint">
                {option.explanation}
              </p>
            </div>
          ))}
          {errors.role ? (
            <p id={`${roleId}-error`} className="field-error">
              {errors.role}
            </p>
          ) : null}
        </fieldset>
      </form>
    </Dialog>
  );
}
