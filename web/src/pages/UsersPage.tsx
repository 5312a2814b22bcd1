import '../dashboard.css';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { DeviceTable } from '../components/DeviceTable';
import { EmptyState } from '../components/EmptyState';
import { LoadingStatus } from '../components/LoadingStatus';
import { RevokeDeviceDialog } from '../components/RevokeDeviceDialog';
import { TextField } from '../components/TextField';
import { DevicesQuery } from '../graphql/DevicesQuery';
import type { Device } from '../graphql/deviceTypes';
import { useAdmin } from '../hooks/useAdmin';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError } from '../internal/describeError';

/** Also refetched when the list was empty, which the document cache cannot tie to a type. */
const listContext = { additionalTypenames: ['Device'] };

/** Who has enrolled which devices, when each was last used, and revoking one. */
export function UsersPage() {
  usePageTitle('Users & Devices');
  const admin = useAdmin();
  // The search lives in the query string, so a filtered view can be reloaded and shared.
  const [params, setParams] = useSearchParams();
  const username = params.get('username')?.trim() ?? '';
  const [typed, setTyped] = useState(username);
  useEffect(() => setTyped(username), [username]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DevicesQuery,
    variables: { username: username || null },
    requestPolicy: 'cache-and-network',
    context: listContext,
  });
  const [revoking, setRevoking] = useState<Device | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const devices = data?.devices ?? [];
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <>
      <div className="page-header">
        <div>
          <h1 ref={titleRef} tabIndex={-1}>
            Users &amp; Devices
          </h1>
          <p className="page-intro">Who has enrolled an authenticator, on which devices, and when each was last used.</p>
        </div>
      </div>

      <form
        className="device-search"
        role="search"
        aria-label="Find a user's devices"
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          setParams(typed.trim() ? { username: typed.trim() } : {});
        }}
      >
        <TextField label="Username" type="search" value={typed} onChange={(event) => setTyped(event.target.value)} placeholder="e.g. alice" autoComplete="off" />
        <button type="submit" className="button">
          Find devices
        </button>
        {username ? (
          <button type="button" className="button button-secondary" onClick={() => setParams({})}>
            Show everyone
          </button>
        ) : null}
      </form>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert title="The devices could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={refresh}>
            Try again
          </button>
        </Alert>
      ) : null}

      {!data && fetching ? (
        <LoadingStatus>Loading devices…</LoadingStatus>
      ) : data && devices.length === 0 ? (
        username ? (
          <EmptyState>No device enrolled by “{username}”. The name must match the login name in the directory (any case).</EmptyState>
        ) : (
          <EmptyState action={<Link to="/token-packs">Send a token pack so users can enrol</Link>}>
            No one has enrolled a device yet. Users enrol from the link in a token pack email.
          </EmptyState>
        )
      ) : data ? (
        <DeviceTable devices={devices} adminLabel={(id) => (id === admin.id ? 'You' : 'An admin')} onRevoke={setRevoking} />
      ) : null}

      {revoking ? (
        <RevokeDeviceDialog
          device={revoking}
          onClose={() => setRevoking(null)}
          onRevoked={(device) => {
            setNotice(`“${device.name}” of ${device.username} was revoked.`);
            setRevoking(null);
            refresh();
            window.setTimeout(() => titleRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
