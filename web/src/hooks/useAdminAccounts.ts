import { useState } from 'react';
import { useQuery, type CombinedError } from 'urql';
import type { AdminAccount, AdminState } from '../graphql/adminTypes';
import { AdminsQuery } from '../graphql/AdminsQuery';
import { useCursorPages, useShownPage } from './useCursorPages';

export const ADMINS_PAGE_SIZE = 25;
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
  const pages = useCursorPages();
  const [showRemoved, setShowRemovedState] = useState(false);
  const states: AdminState[] | null = showRemoved ? ['INVITED', 'ACTIVE', 'REMOVED'] : null;
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AdminsQuery,
    variables: { search: pages.search || null, states, first: ADMINS_PAGE_SIZE, after: pages.after },
    requestPolicy: 'cache-and-network',
    context: adminsContext,
  });
  const pageData = useShownPage(data?.admins, (shown) => shown.admins.length === 0, pages);

  return {
    searchText: pages.searchText,
    setSearchText: pages.setSearchText,
    search: pages.search,
    showRemoved,
    setShowRemoved: (on) => {
      setShowRemovedState(on);
      pages.restart();
    },
    admins: pageData?.admins ?? [],
    total: pageData?.total ?? 0,
    page: pages.page,
    hasPrevious: pages.page > 1,
    hasNext: Boolean(data?.admins.hasNextPage && data.admins.endCursor),
    next: () => pages.next(data?.admins.endCursor),
    previous: pages.previous,
    loading: !pageData && fetching,
    refreshing: Boolean(pageData) && fetching,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
