import { Navigate, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { MeQuery } from '../graphql/MeQuery';
import { describeError } from '../internal/describeError';
import { Alert } from './Alert';
import { AppLayout } from './AppLayout';
import { LoadingStatus } from './LoadingStatus';
import { PageStatus } from './PageStatus';

/** Renders the signed-in app shell, or sends the visitor to /signin and back here afterwards. */
export function RequireAdmin() {
  const location = useLocation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: MeQuery });

  if (!data && fetching) {
    return (
      <PageStatus>
        <LoadingStatus>Checking your session…</LoadingStatus>
      </PageStatus>
    );
  }
  if (!data) {
    return (
      <PageStatus>
        <Alert title="Countersign could not load your session">
          {error ? describeError(error).message : 'No answer from the server.'}
        </Alert>
        <button type="button" className="button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </PageStatus>
    );
  }
  if (!data.me) {
    return <Navigate to="/signin" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <AppLayout admin={data.me} />;
}
