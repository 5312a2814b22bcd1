import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { useSession } from '../components/SessionProvider';
import { TextField } from '../components/TextField';
import { CompleteSetupMutation } from '../graphql/CompleteSetupMutation';
import { SetupRequiredQuery } from '../graphql/SetupRequiredQuery';
import { usePageTitle } from '../hooks/usePageTitle';
import { adminPasswordHint as passwordHint, MIN_ADMIN_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH } from '../internal/adminPassword';
import { describeError, type ErrorInfo } from '../internal/describeError';

export function SetupPage() {
  usePageTitle('Set up Countersign');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [{ data, fetching: checking, error: checkError }, recheck] = useQuery({ query: SetupRequiredQuery });
  const [{ fetching }, completeSetup] = useMutation(CompleteSetupMutation);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  const longEnough = [...password].length >= MIN_PASSWORD_LENGTH;
  const emailError = error?.fields.email ?? (submitted && !email.trim() ? 'Enter your email address.' : undefined);
  const passwordError =
    error?.fields.password ?? (submitted && !longEnough ? `Use at least ${MIN_PASSWORD_LENGTH} characters.` : undefined);
  // Compare once the second password is as long as the first, not on every keystroke.
  const confirmError =
    (confirm.length >= password.length || submitted) && confirm !== password
      ? confirm
        ? 'The passwords do not match.'
        : 'Type the password again.'
      : undefined;

  if (!data) {
    return (
      <AuthLayout title="Set up Countersign">
        {checking ? (
          <p className="muted" role="status">
            Checking this installation…
          </p>
        ) : (
          <>
            <Alert>{checkError ? describeError(checkError).message : 'No answer from the server.'}</Alert>
            <button type="button" className="button" onClick={() => recheck({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </>
        )}
      </AuthLayout>
    );
  }

  if (!data.setupRequired) {
    return (
      <AuthLayout title="Setup is complete">
        <p>This Countersign installation already has an admin, so first-run setup is closed.</p>
        <p>
          <Link className="button button-block" to="/signin">
            Go to sign in
          </Link>
        </p>
      </AuthLayout>
    );
  }

  if (!token) {
    return (
      <AuthLayout title="Set up Countersign">
        <Alert title="This link has no setup token">
          Open the full one-time setup link printed in the server’s start-up log. It ends in{' '}
          <code>/setup?token=…</code>.
        </Alert>
      </AuthLayout>
    );
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!email.trim()) return emailRef.current?.focus();
    if (!longEnough) return passwordRef.current?.focus();
    if (confirm !== password) return confirmRef.current?.focus();
    const result = await completeSetup({ token, email: email.trim(), password });
    if (result.error) {
      setError(describeError(result.error));
      return;
    }
    resetSession();
    navigate('/', { replace: true });
  }

  const fieldNames = new Set(['email', 'password']);
  return (
    <AuthLayout
      title="Set up Countersign"
      intro="Create the first admin account. It becomes the owner of this organisation."
    >
      {error ? (
        <Alert>
          {error.message}
          {Object.entries(error.fields)
            .filter(([field]) => !fieldNames.has(field))
            .map(([field, message]) => (
              <span key={field}> {message}</span>
            ))}
        </Alert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          ref={emailRef}
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          autoFocus
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setError(null);
          }}
          error={emailError}
        />
        <TextField
          ref={passwordRef}
          label="Password"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setError(null);
          }}
          hint={<span className={longEnough ? 'hint-ok' : undefined}>{passwordHint(password)}</span>}
          error={passwordError}
        />
        <TextField
          ref={confirmRef}
          label="Confirm password"
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          error={confirmError}
        />
        <button type="submit" className="button button-block" disabled={fetching}>
          {fetching ? 'Creating your account…' : 'Create admin account'}
        </button>
      </form>
    </AuthLayout>
  );
}
