import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription, type CombinedError } from 'urql';
import { AuditEventsQuery } from '../graphql/AuditEventsQuery';
import { AuditEventsSubscription } from '../graphql/AuditEventsSubscription';
import type { AuditEvent, AuditEventConnection } from '../graphql/types';

const PAGE_SIZE = 50;
/** Key for the first page, which has no `after` cursor. */
const FIRST = '';

export interface AuditFeed {
  /** Newest first: live events, then the loaded pages, each id once. */
  events: AuditEvent[];
  /** True until the first page has arrived. */
  loading: boolean;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore(): void;
  /** Error of the page being loaded. */
  error: CombinedError | undefined;
  retry(): void;
  /** Ids of the events that arrived through the subscription. */
  liveIds: ReadonlySet<string>;
  /** Why the live subscription stopped (it retries on its own before giving up). */
  liveError: CombinedError | undefined;
  restartLive(): void;
}

function prepend(previous: AuditEvent[] = [], data: { auditEvents: AuditEvent }): AuditEvent[] {
  return [data.auditEvents, ...previous];
}

/**
 * The audit log as the Audit page shows it: cursor-paginated pages from `auditEvents`, plus
 * events from the `auditEvents` subscription prepended as they are recorded. An event that
 * arrives both ways (recorded between subscribing and loading the first page) is listed once.
 */
export function useAuditFeed(): AuditFeed {
  const [cursors, setCursors] = useState<string[]>([FIRST]);
  const [pages, setPages] = useState<Record<string, AuditEventConnection>>({});
  const after = cursors[cursors.length - 1] ?? FIRST;

  const [page, reexecute] = useQuery({
    query: AuditEventsQuery,
    variables: { first: PAGE_SIZE, after: after === FIRST ? null : after },
    requestPolicy: 'cache-and-network',
  });
  // While the next page loads, urql still returns the previous page's data: file a result under
  // the cursor it was fetched with, not the one being fetched now.
  const connection = page.data?.auditEvents;
  const fetchedAfter = page.operation?.variables.after ?? FIRST;
  useEffect(() => {
    if (connection) setPages((known) => ({ ...known, [fetchedAfter]: connection }));
  }, [connection, fetchedAfter]);

  const [liveResult, restart] = useSubscription({ query: AuditEventsSubscription }, prepend);
  // urql keeps a subscription's last error until a new event arrives, so errors are counted per attempt.
  const [liveAttempt, setLiveAttempt] = useState(0);
  const liveError =
    liveResult.error && (liveResult.operation?.context.liveAttempt ?? 0) === liveAttempt ? liveResult.error : undefined;

  const events = useMemo(() => {
    const seen = new Set<string>();
    const merged: AuditEvent[] = [];
    const loaded = cursors.flatMap((cursor) => pages[cursor]?.edges.map((edge) => edge.node) ?? []);
    for (const event of [...(liveResult.data ?? []), ...loaded]) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      merged.push(event);
    }
    return merged;
  }, [cursors, pages, liveResult.data]);

  const liveIds = useMemo(() => new Set((liveResult.data ?? []).map((event) => event.id)), [liveResult.data]);
  const last = pages[after];
  const loadMore = useCallback(() => {
    const end = last?.pageInfo.endCursor;
    if (end && last.pageInfo.hasNextPage) {
      setCursors((known) => (known.includes(end) ? known : [...known, end]));
    }
  }, [last]);

  return {
    events,
    loading: !pages[FIRST] && !page.error,
    loadingMore: after !== FIRST && !last && !page.error,
    hasMore: Boolean(last?.pageInfo.hasNextPage && last.pageInfo.endCursor),
    loadMore,
    error: page.error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
    liveIds,
    liveError,
    restartLive: () => {
      const next = liveAttempt + 1;
      setLiveAttempt(next);
      restart({ liveAttempt: next });
    },
  };
}
