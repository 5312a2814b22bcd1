import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import '../audit.css';
import { Alert } from '../components/Alert';
import { AuditExportButtons } from '../components/AuditExportButtons';
import { AuditFilterBar } from '../components/AuditFilterBar';
import { AuditTable } from '../components/AuditTable';
import { EmptyState } from '../components/EmptyState';
import { LiveIndicator } from '../components/LiveIndicator';
import { LoadingStatus } from '../components/LoadingStatus';
import { ServicesQuery } from '../graphql/ServicesQuery';
import { useAuditFeed } from '../hooks/useAuditFeed';
import { usePageTitle } from '../hooks/usePageTitle';
import { activeFilterCount, auditFilterFromSearch, auditFilterToSearch, toAuditFilter } from '../internal/auditFilter';
import { describeError } from '../internal/describeError';

export function AuditPage() {
  usePageTitle('Audit');
  const [params, setParams] = useSearchParams();
  // The applied filter lives in the query string: reloading, bookmarking and sharing keep it.
  const search = params.toString();
  const applied = useMemo(() => auditFilterFromSearch(new URLSearchParams(search)), [search]);
  const filter = useMemo(() => toAuditFilter(applied), [applied]);
  const feed = useAuditFeed(filter);
  const [{ data: servicesData }] = useQuery({ query: ServicesQuery });
  const services = servicesData?.services ?? [];
  const filtered = activeFilterCount(applied) > 0;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Audit</h1>
          <p className="page-intro">Every change and every sign-in in your organisation, newest first.</p>
        </div>
        <LiveIndicator error={feed.liveError} onRestart={feed.restartLive} />
      </div>

      <AuditFilterBar applied={applied} services={services} onApply={(values) => setParams(auditFilterToSearch(values))} />

      <div className="audit-toolbar">
        <p className="muted">
          {filtered
            ? 'Only events that match the filters are listed, arrive live and are exported.'
            : 'Exports hold every event the audit history keeps, newest first.'}
        </p>
        <AuditExportButtons filter={applied} />
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
        <LoadingStatus>Loading audit events…</LoadingStatus>
      ) : feed.events.length === 0 && !feed.error ? (
        <EmptyState>
          {filtered
            ? 'No events match these filters. New ones that do will appear here as they happen.'
            : 'No audit events yet. Changes made in this dashboard and sign-ins will appear here as they happen.'}
        </EmptyState>
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
            <p className="muted">You have reached the oldest {filtered ? 'matching ' : ''}event.</p>
          )}
          <p className="muted table-count" aria-live="polite">
            {feed.events.length} {feed.events.length === 1 ? 'event' : 'events'} shown
          </p>
        </div>
      ) : null}
    </>
  );
}
