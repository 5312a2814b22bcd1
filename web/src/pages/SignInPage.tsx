import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { useSession } from '../components/SessionProvider';
import { TextField } from '../components/TextField';
import { MeQuery } from '../graphql/MeQuery';
import { SetupRequiredQuery } from '../graphql/SetupRequiredQuery';
import { SignInMutation } from '../graphql/SignInMutation';
import { useCountdown } from '../hooks/useCountdown';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError, type ErrorInfo } from '../internal/describeError';
import { safeRedirect } from '../internal/safeRedirect';

export function SignInPage() {
  usePageTitle('Sign in');
  const location = useLocation();
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const target = safeRedirect((location.state as { from?: unknown } | null)?.from);

  const [{ data: me }] = useQuery({ query: MeQuery });
  const [{ data: setup }] = useQuery({ query: SetupRequiredQuery });
  const [{ fetching }, signIn] = useMutation(SignInMutation);

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);

  if (me?.me) return <Navigate to={target} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = 'Enter your email address.';
    if (!password) missing.password = 'Enter your password.';
    if (Object.keys(missing).length > 0) {
      setError({ code: 'REQUIRED', message: '', fields: missing });
      return;
    }
    setError(null);
    const result = await signIn({ email: email.trim(), password });
    if (result.error) {
      const info = describeError(result.error);
      setError(info);
      setRetryAt(info.retryAfterSeconds ? Date.now() + info.retryAfterSeconds * 1000 : null);
      if (info.code === 'INVALID_CREDENTIALS') setPassword('');
      return;
    }
    resetSession();
    navigate(target, { replace: true });
  }

  const blocked = waitSeconds > 0;
  return (
    <AuthLayout title="Sign in" intro="Sign in to the Countersign admin dashboard.">
      {setup?.setupRequired ? (
        <Alert tone="info" title="Countersign is not set up yet">
          Open the one-time setup link printed in the server’s start-up log to create the first admin.
        </Alert>
      ) : null}
      {error?.message ? (
        <Alert>
          {error.message}
          {/* Static text: the live countdown is on the button, so the alert is not re-announced every second. */}
          {error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} seconds.` : null}
        </Alert>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={error?.fields.email}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={error?.fields.password}
        />
        <button type="submit" className="button button-block" disabled={fetching || blocked}>
          {fetching ? 'Signing in…' : blocked ? `Try again in ${waitSeconds} s` : 'Sign in'}
        </button>
      </form>
    </AuthLayout>
  );
}
