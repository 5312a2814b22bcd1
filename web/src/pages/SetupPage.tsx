import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { LoadingStatus } from '../components/LoadingStatus';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useSession } from '../components/SessionProvider';
import { TextField } from '../components/TextField';
import { CompleteSetupMutation } from '../graphql/CompleteSetupMutation';
import { SetupRequiredQuery } from '../graphql/SetupRequiredQuery';
import { useNewPassword } from '../hooks/useNewPassword';
import { usePageTitle } from '../hooks/usePageTitle';
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
  const newPassword = useNewPassword();
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);

  const emailError = error?.fields.email ?? (submitted && !email.trim() ? 'Enter your email address.' : undefined);

  if (!data) {
    return (
      <AuthLayout title="Set up Countersign">
        {checking ? (
          <LoadingStatus>Checking this installation…</LoadingStatus>
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
    if (!newPassword.ready()) return;
    const result = await completeSetup({ token, email: email.trim(), password: newPassword.password });
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
        <NewPasswordFields
          value={newPassword}
          label="Password"
          submitted={submitted}
          serverError={error?.fields.password}
          onEdit={() => setError(null)}
        />
        <button type="submit" className="button button-block" disabled={fetching}>
          {fetching ? 'Creating your account…' : 'Create admin account'}
        </button>
      </form>
    </AuthLayout>
  );
}
