import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { SignOutMutation } from '../graphql/SignOutMutation';
import type { Admin, AdminRole } from '../graphql/types';
import { describeError } from '../internal/describeError';
import { useSession } from './SessionProvider';

const ROLE_LABEL: Record<AdminRole, string> = { OWNER: 'Owner', ADMIN: 'Admin', AUDITOR: 'Auditor' };

/** The signed-in admin's email and role, and the Sign out button. */
export function AccountBar({ admin }: { admin: Admin }) {
  const [{ fetching }, signOut] = useMutation(SignOutMutation);
  const { resetSession } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  async function onSignOut() {
    setError(null);
    const result = await signOut({});
    const info = result.error ? describeError(result.error) : null;
    // Already signed out on the server is as good as signing out now.
    if (info && info.code !== 'UNAUTHENTICATED') {
      setError(info.message);
      return;
    }
    resetSession();
    navigate('/signin', { replace: true });
  }

  return (
    <div className="account">
      <span className="account-who">
        <span className="account-email" title={admin.email}>
          {admin.email}
        </span>
        <span className={`role role-${admin.role.toLowerCase()}`}>{ROLE_LABEL[admin.role] ?? admin.role}</span>
      </span>
      <button type="button" className="button button-secondary button-small" onClick={onSignOut} disabled={fetching}>
        {fetching ? 'Signing out…' : 'Sign out'}
      </button>
      {error ? (
        <p className="account-error" role="alert">
          Sign out failed: {error}
        </p>
      ) : null}
    </div>
  );
}
