import { useEffect, useRef, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { AdminAccount, AdminState } from '../graphql/adminTypes';
import { AdminsQuery } from '../graphql/AdminsQuery';

export const ADMINS_PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 250;
/** Refetched after any admin mutation, also when a page was empty. */
export const adminsContext = { additionalTypenames: ['AdminAccount'] };

export interface AdminAccountsView {
  searchText: string;
  setSearchText(text: string): void;
  /** The search the shown page answers. */
  search: string;
  showRemoved: boolean;
  setShowRemoved(on: boolean): void;
  admins: AdminAccount[];
  total: number;
  /** 1-based. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next(): void;
  previous(): void;
  loading: boolean;
  refreshing: boolean;
  error: CombinedError | undefined;
  retry(): void;
}

/** The organisation's admins a page at a time by email, with a search and an opt-in for removed admins. */
export function useAdminAccounts(): AdminAccountsView {
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [showRemoved, setShowRemovedState] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);

  useEffect(() => {
    const next = searchText.trim();
    if (next === search) return;
    const timer = window.setTimeout(() => {
      setSearch(next);
      setCursors([null]);
    }, SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [searchText, search]);

  const states: AdminState[] | null = showRemoved ? ['INVITED', 'ACTIVE', 'REMOVED'] : null;
  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AdminsQuery,
    variables: { search: search || null, states, first: ADMINS_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
    context: adminsContext,
  });
  // Keep the last page on screen while the next one loads.
  const shown = useRef(data?.admins);
  if (data?.admins) shown.current = data.admins;
  const pageData = data?.admins ?? shown.current;
  const page = cursors.length;
  const total = pageData?.total ?? 0;

  useEffect(() => {
    if (data && data.admins.admins.length === 0 && cursors.length > 1) setCursors((known) => known.slice(0, -1));
  }, [data, cursors.length]);

  return {
    searchText,
    setSearchText,
    search,
    showRemoved,
    setShowRemoved: (on) => {
      setShowRemovedState(on);
      setCursors([null]);
    },
    admins: pageData?.admins ?? [],
    total,
    page,
    hasPrevious: page > 1,
    hasNext: Boolean(data?.admins.hasNextPage && data.admins.endCursor),
    next: () => {
      const end = data?.admins.endCursor;
      if (end) setCursors((known) => [...known, end]);
    },
    previous: () => setCursors((known) => (known.length > 1 ? known.slice(0, -1) : known)),
    loading: !pageData && fetching,
    refreshing: Boolean(pageData) && fetching,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
