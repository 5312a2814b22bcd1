import { Alert } from '../components/Alert';
import { AuditTable } from '../components/AuditTable';
import { LiveIndicator } from '../components/LiveIndicator';
import { useAuditFeed } from '../hooks/useAuditFeed';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError } from '../internal/describeError';

export function AuditPage() {
  usePageTitle('Audit');
  const feed = useAuditFeed();
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit</h1>
          <p className="page-intro">Every change and every sign-in in your organisation, newest first.</p>
        </div>
        <LiveIndicator error={feed.liveError} onRestart={feed.restartLive} />
      </div>

      {feed.error ? (
        <Alert title="The audit log could not be loaded">
          {describeError(feed.error).message}{' '}
          <button type="button" className="link-button" onClick={feed.retry}>
            Try again
          </button>
        </Alert>
      ) : null}

      {feed.loading ? (
        <p className="muted" role="status">
          Loading audit events…
        </p>
      ) : feed.events.length === 0 && !feed.error ? (
        <section className="panel empty">
          <p>No audit events yet. Changes made in this dashboard and sign-ins will appear here as they happen.</p>
        </section>
      ) : (
        <AuditTable events={feed.events} freshIds={feed.liveIds} />
      )}

      {feed.events.length > 0 ? (
        <div className="table-footer">
          {feed.hasMore || feed.loadingMore ? (
            <button type="button" className="button button-secondary" onClick={feed.loadMore} disabled={feed.loadingMore}>
              {feed.loadingMore ? 'Loading…' : 'Load more'}
            </button>
          ) : (
            <p className="muted">You have reached the oldest event.</p>
          )}
          <p className="muted table-count" aria-live="polite">
            {feed.events.length} {feed.events.length === 1 ? 'event' : 'events'} shown
          </p>
        </div>
      ) : null}
    </>
  );
}
