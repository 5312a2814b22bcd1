import { useCallback, useEffect, useMemo, useState } from 'react';
import { useQuery, useSubscription, type CombinedError } from 'urql';
import { AuditEventsQuery } from '../graphql/AuditEventsQuery';
import { AuditEventsSubscription } from '../graphql/AuditEventsSubscription';
import type { AuditEvent, AuditEventConnection, AuditFilter } from '../graphql/types';

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

/** Pages loaded for one filter, keyed by the cursor they were fetched after. */
interface Loaded {
  filterKey: string;
  cursors: string[];
  pages: Record<string, AuditEventConnection>;
}

/** Live events, tagged with the filter they were subscribed with. */
interface Live {
  filterKey: string;
  events: AuditEvent[];
}

const keyOf = (filter: AuditFilter | null | undefined) => JSON.stringify(filter ?? {});

/**
 * The audit log as the Audit page shows it: cursor-paginated pages from `auditEvents(filter)`,
 * plus events from the `auditEvents(filter)` subscription prepended as they are recorded. An
 * event that arrives both ways (recorded between subscribing and loading the first page) is
 * listed once. A new filter starts again from its first page and a new subscription.
 */
export function useAuditFeed(filter: AuditFilter | null = null): AuditFeed {
  const filterKey = keyOf(filter);
  const [loaded, setLoaded] = useState<Loaded>({ filterKey, cursors: [FIRST], pages: {} });
  // A new filter drops what the old one loaded (set during render, so no frame shows the old rows).
  const current = loaded.filterKey === filterKey ? loaded : { filterKey, cursors: [FIRST], pages: {} };
  if (current !== loaded) setLoaded(current);
  const { cursors, pages } = current;
  const after = cursors[cursors.length - 1] ?? FIRST;

  const [page, reexecute] = useQuery({
    query: AuditEventsQuery,
    variables: { first: PAGE_SIZE, after: after === FIRST ? null : after, filter },
    requestPolicy: 'cache-and-network',
  });
  // While the next page (or another filter) loads, urql still returns the previous data: file a
  // result under the cursor and filter it was fetched with, not the ones being fetched now.
  const connection = page.data?.auditEvents;
  const fetchedAfter = page.operation?.variables.after ?? FIRST;
  const fetchedKey = keyOf(page.operation?.variables.filter);
  useEffect(() => {
    if (!connection) return;
    setLoaded((known) => (known.filterKey === fetchedKey ? { ...known, pages: { ...known.pages, [fetchedAfter]: connection } } : known));
  }, [connection, fetchedAfter, fetchedKey]);

  const prepend = useCallback(
    (previous: Live | undefined, data: { auditEvents: AuditEvent }): Live => ({
      filterKey,
      events: [data.auditEvents, ...(previous?.filterKey === filterKey ? previous.events : [])],
    }),
    [filterKey],
  );
  const [liveResult, restart] = useSubscription({ query: AuditEventsSubscription, variables: { filter } }, prepend);
  const live = liveResult.data?.filterKey === filterKey ? liveResult.data.events : undefined;
  // urql keeps a subscription's last error until a new event arrives, so errors are counted per attempt.
  const [liveAttempt, setLiveAttempt] = useState(0);
  const liveError =
    liveResult.error && (liveResult.operation?.context.liveAttempt ?? 0) === liveAttempt ? liveResult.error : undefined;

  const events = useMemo(() => {
    const seen = new Set<string>();
    const merged: AuditEvent[] = [];
    const pageEvents = cursors.flatMap((cursor) => pages[cursor]?.edges.map((edge) => edge.node) ?? []);
    for (const event of [...(live ?? []), ...pageEvents]) {
      if (seen.has(event.id)) continue;
      seen.add(event.id);
      merged.push(event);
    }
    return merged;
  }, [cursors, pages, live]);

  const liveIds = useMemo(() => new Set((live ?? []).map((event) => event.id)), [live]);
  const last = pages[after];
  const loadMore = useCallback(() => {
    const end = last?.pageInfo.endCursor;
    if (end && last.pageInfo.hasNextPage) {
      setLoaded((known) => (known.cursors.includes(end) ? known : { ...known, cursors: [...known.cursors, end] }));
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
