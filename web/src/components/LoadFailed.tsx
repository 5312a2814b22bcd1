import { Link } from 'react-router';
import type { CombinedError } from 'urql';
import { describeError } from '../internal/describeError';
import { Alert } from './Alert';

/** The alert for a detail page whose item could not be loaded: gone (back to the list) or an error (try again). */
export function LoadFailed({ what, listPath, error, onRetry }: { what: string; listPath: string; error: CombinedError | undefined; onRetry: () => void }) {
  const info = error ? describeError(error) : null;
  const missing = info?.code === 'NOT_FOUND';
  return (
    <Alert title={missing ? `There is no such ${what}` : `The ${what} could not be loaded`}>
      {missing ? 'It may have been deleted. ' : `${info?.message ?? 'No answer from the server.'} `}
      {missing ? (
        <Link to={listPath}>Back to the list</Link>
      ) : (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </Alert>
  );
}
