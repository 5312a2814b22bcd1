import { useEffect, useRef, useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { DirectoryUsersQuery } from '../graphql/DirectoryUsersQuery';

export const DIRECTORY_USERS_PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 250;
/** Also refetched when a page was empty, which the document cache cannot tie to a type. */
const usersContext = { additionalTypenames: ['DirectoryUser'] };

export interface DirectoryUsersView {
  /** What is typed in the search box; the search runs a moment after typing stops. */
  searchText: string;
  setSearchText(text: string): void;
  /** The search the shown page answers. */
  search: string;
  users: DirectoryUser[];
  /** Users matching the search in all pages. */
  total: number;
  /** 1-based. */
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  next(): void;
  previous(): void;
  /** True until the first page has arrived. */
  loading: boolean;
  /** A new page or search is on its way (the previous one stays shown meanwhile). */
  refreshing: boolean;
  error: CombinedError | undefined;
  retry(): void;
}

/**
 * A built-in directory's users a page at a time, by username, with a search over username,
 * email and name; pages are walked with the server's `endCursor`.
 */
export function useDirectoryUsers(connectorId: string): DirectoryUsersView {
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
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

  const after = cursors[cursors.length - 1] ?? null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DirectoryUsersQuery,
    variables: { connectorId, search: search || null, first: DIRECTORY_USERS_PAGE_SIZE, after },
    requestPolicy: 'cache-and-network',
    context: usersContext,
  });
  // Keep showing the last page while the next one loads, rather than an empty table.
  const shown = useRef(data?.directoryUsers);
  if (data?.directoryUsers) shown.current = data.directoryUsers;
  const pageData = data?.directoryUsers ?? shown.current;

  const page = cursors.length;
  const total = pageData?.total ?? 0;
  const users = pageData?.users ?? [];
  // Removing the last user of a later page leaves it empty: step back.
  useEffect(() => {
    if (data && data.directoryUsers.users.length === 0 && cursors.length > 1) setCursors((known) => known.slice(0, -1));
  }, [data, cursors.length]);

  return {
    searchText,
    setSearchText,
    search,
    users,
    total,
    page,
    hasPrevious: page > 1,
    hasNext: Boolean(data?.directoryUsers.endCursor) && page * DIRECTORY_USERS_PAGE_SIZE < total,
    next: () => {
      const end = data?.directoryUsers.endCursor;
      if (end) setCursors((known) => [...known, end]);
    },
    previous: () => setCursors((known) => (known.length > 1 ? known.slice(0, -1) : known)),
    loading: !pageData && fetching,
    refreshing: Boolean(pageData) && fetching,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
