import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { AdminAccount } from '../graphql/adminTypes';
import { CheckInviteAdminInputQuery } from '../graphql/CheckInviteAdminInputQuery';
import { InviteAdminMutation } from '../graphql/InviteAdminMutation';
import type { AdminRole } from '../graphql/types';
import { adminsContext } from '../hooks/useAdminAccounts';
import { useServerCheck } from '../hooks/useServerCheck';
import { ADMIN_ROLES } from '../internal/adminRoles';
import { describeError } from '../internal/describeError';
import { focusFirstInvalid } from '../internal/focusFirstInvalid';
import { friendlyFieldErrors } from '../internal/friendlyFieldErrors';
import { Alert } from './Alert';
import { Dialog } from './Dialog';
import { FormDialogFooter } from './FormDialogFooter';
import { ServerCheckAnnouncer } from './ServerCheckAnnouncer';
import { TextField } from './TextField';

/**
 * Invites an admin: their email and a role, each role with a line on what it may do. The
 * server's messages (e.g. an address already invited) show under the email as the owner types.
 */
export function InviteAdminDialog({ onClose, onInvited }: { onClose: () => void; onInvited: (admin: AdminAccount) => void }) {
  const [{ fetching }, invite] = useMutation(InviteAdminMutation);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AdminRole>('AUDITOR');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const roleId = useId();
  // The problem not tied to a field here is an address already taken, which belongs to the email.
  const live = useServerCheck(CheckInviteAdminInputQuery, { input: { email: email.trim(), role } }, { messageField: 'email' });
  const shown = { ...live.errors, ...errors };
  useEffect(() => {
    if (round > 0) focusFirstInvalid(formRef.current);
  }, [round]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    live.submitted();
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
      footer={<FormDialogFooter formId="invite-admin" busy={fetching} label="Send invitation" busyLabel="Sending…" onCancel={onClose} />}
    >
      <form id="invite-admin" ref={formRef} className="form" onSubmit={onSubmit} onBlur={live.onBlur} noValidate>
        <ServerCheckAnnouncer text={live.announcement} />
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
            live.touch('email');
            setErrors(({ email: _gone, ...rest }) => rest);
          }}
          error={shown.email}
          hint="We email them a link to choose a password. It works once, for 7 days."
        />
        <fieldset className="scope-list role-choice" aria-describedby={shown.role ? `${roleId}-error` : undefined}>
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
                  onChange={() => {
                    setRole(option.value);
                    live.touch('role');
                  }}
                  aria-describedby={`${roleId}-${option.value}-hint`}
                  aria-invalid={shown.role ? true : undefined}
                />
                <label htmlFor={`${roleId}-${option.value}`}>{option.label}</label>
              </div>
              <p id={`${roleId}-${option.value}-hint`} className="field-hint">
                {option.explanation}
              </p>
            </div>
          ))}
          {shown.role ? (
            <p id={`${roleId}-error`} className="field-error">
              {shown.role}
            </p>
          ) : null}
        </fieldset>
      </form>
    </Dialog>
  );
}
