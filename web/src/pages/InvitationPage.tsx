import '../admins.css';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { AuthLayout } from '../components/AuthLayout';
import { LoadingStatus } from '../components/LoadingStatus';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { useSession } from '../components/SessionProvider';
import { TextField } from '../components/TextField';
import { AcceptAdminInvitationMutation } from '../graphql/AcceptAdminInvitationMutation';
import { AdminInvitationQuery } from '../graphql/AdminInvitationQuery';
import { useNewPassword } from '../hooks/useNewPassword';
import { usePageTitle } from '../hooks/usePageTitle';
import { roleExplanation, roleLabel } from '../internal/adminRoles';
import { describeError, type ErrorInfo } from '../internal/describeError';
import { formatTime } from '../internal/formatTime';

/** Why a link does not work, as a heading; the server's message says what to do. */
const DEAD_LINK_TITLES: Record<string, string> = {
  INVITATION_EXPIRED: 'This invitation has expired',
  INVITATION_USED: 'This invitation was already used',
  INVITATION_REVOKED: 'This invitation was withdrawn',
  INVITATION_INVALID: 'This invitation link does not work',
  RATE_LIMITED: 'Too many attempts',
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function DeadLink({ error }: { error: ErrorInfo }) {
  return (
    <AuthLayout title={DEAD_LINK_TITLES[error.code] ?? 'The invitation could not be opened'}>
      <Alert>{error.message}</Alert>
      {error.code === 'INVITATION_USED' ? (
        <p>
          <Link className="button button-block" to="/signin">
            Go to sign in
          </Link>
        </p>
      ) : null}
    </AuthLayout>
  );
}

/**
 * `/invitation/<token>`: the page an invited admin opens from their email. They choose a
 * password (the same rule as setup) and are signed in; a link that expired, was used, replaced
 * or revoked says so and what to do.
 */
export function InvitationPage() {
  usePageTitle('Accept your invitation');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const { resetSession } = useSession();
  const [{ data, fetching: checking, error: checkError }, recheck] = useQuery({ query: AdminInvitationQuery, variables: { token }, requestPolicy: 'network-only' });
  const [{ fetching }, accept] = useMutation(AcceptAdminInvitationMutation);
  const newPassword = useNewPassword();
  const [submitted, setSubmitted] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);

  if (!data) {
    const info = checkError ? describeError(checkError) : null;
    if (info && info.code in DEAD_LINK_TITLES) return <DeadLink error={info} />;
    return (
      <AuthLayout title="Accept your invitation">
        {checking ? (
          <LoadingStatus>Checking your invitation…</LoadingStatus>
        ) : (
          <>
            <Alert>{info ? info.message : 'No answer from the server.'}</Alert>
            <button type="button" className="button" onClick={() => recheck({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </>
        )}
      </AuthLayout>
    );
  }
  // The link stopped working while the form was open (expired, revoked, used elsewhere).
  if (error && error.code in DEAD_LINK_TITLES && error.code !== 'RATE_LIMITED') return <DeadLink error={error} />;

  const invitation = data.adminInvitation;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    setError(null);
    if (!newPassword.ready()) return;
    const result = await accept({ token, password: newPassword.password });
    if (result.error) {
      setError(describeError(result.error));
      return;
    }
    resetSession();
    navigate('/', { replace: true });
  }

  return (
    <AuthLayout
      title={`Join ${invitation.organisation}`}
      intro={
        <>
          You are invited to run Countersign as <strong>{roleLabel(invitation.role).toLowerCase()}</strong> ({lowerFirst(roleExplanation(invitation.role)).replace(/\.$/, '')}).
        </>
      }
    >
      {error && !error.fields.password ? <Alert>{error.message}</Alert> : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          className="invitation-email"
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          value={invitation.email}
          readOnly
          hint="You sign in with this address."
        />
        <NewPasswordFields
          value={newPassword}
          label="Choose a password"
          submitted={submitted}
          serverError={error?.fields.password ? `Use a longer password: ${error.fields.password}.` : undefined}
          onEdit={() => setError(null)}
          autoFocus
        />
        <button type="submit" className="button button-block" disabled={fetching}>
          {fetching ? 'Joining…' : 'Set password and sign in'}
        </button>
      </form>
      <p className="muted invitation-expiry">
        This link works once, until <time dateTime={invitation.expiresAt}>{formatTime(invitation.expiresAt)}</time>.
      </p>
    </AuthLayout>
  );
}
