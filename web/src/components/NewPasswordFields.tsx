import type { NewPassword } from '../hooks/useNewPassword';
import { adminPasswordHint, MIN_ADMIN_PASSWORD_LENGTH } from '../internal/adminPassword';
import { TextField } from './TextField';

export interface NewPasswordFieldsProps {
  value: NewPassword;
  /** The first field's label, e.g. "Choose a password". */
  label: string;
  /** A submit was tried: empty or short fields say so. */
  submitted: boolean;
  /** What the server said about the password, if anything. */
  serverError?: string;
  /** Called as the password is edited (e.g. to clear an earlier error). */
  onEdit?: () => void;
  autoFocus?: boolean;
}

/** The password and its confirmation, with the length rule as a live hint. */
export function NewPasswordFields({ value, label, submitted, serverError, onEdit, autoFocus }: NewPasswordFieldsProps) {
  const { password, confirm, longEnough } = value;
  const passwordError = serverError ?? (submitted && !longEnough ? `Use at least ${MIN_ADMIN_PASSWORD_LENGTH} characters.` : undefined);
  // Compare once the second password is as long as the first, not on every keystroke.
  const confirmError =
    (confirm.length >= password.length || submitted) && confirm !== password ? (confirm ? 'The passwords do not match.' : 'Type the password again.') : undefined;
  return (
    <>
      <TextField
        ref={value.passwordRef}
        label={label}
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        autoFocus={autoFocus}
        minLength={MIN_ADMIN_PASSWORD_LENGTH}
        value={password}
        onChange={(event) => {
          value.setPassword(event.target.value);
          onEdit?.();
        }}
        hint={<span className={longEnough ? 'hint-ok' : undefined}>{adminPasswordHint(password)}</span>}
        error={passwordError}
      />
      <TextField
        ref={value.confirmRef}
        label="Confirm password"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(event) => value.setConfirm(event.target.value)}
        error={confirmError}
      />
    </>
  );
}
