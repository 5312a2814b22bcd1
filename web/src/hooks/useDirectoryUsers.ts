import { useQuery, type CombinedError } from 'urql';
import type { DirectoryUser } from '../graphql/directoryTypes';
import { DirectoryUsersQuery } from '../graphql/DirectoryUsersQuery';
import { useCursorPages, useShownPage } from './useCursorPages';

export const DIRECTORY_USERS_PAGE_SIZE = 20;
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
  const pages = useCursorPages();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DirectoryUsersQuery,
    variables: { connectorId, search: pages.search || null, first: DIRECTORY_USERS_PAGE_SIZE, after: pages.after },
    requestPolicy: 'cache-and-network',
    context: usersContext,
  });
  const pageData = useShownPage(data?.directoryUsers, (shown) => shown.users.length === 0, pages);
  const total = pageData?.total ?? 0;

  return {
    searchText: pages.searchText,
    setSearchText: pages.setSearchText,
    search: pages.search,
    users: pageData?.users ?? [],
    total,
    page: pages.page,
    hasPrevious: pages.page > 1,
    hasNext: Boolean(data?.directoryUsers.endCursor) && pages.page * DIRECTORY_USERS_PAGE_SIZE < total,
    next: () => pages.next(data?.directoryUsers.endCursor),
    previous: pages.previous,
    loading: !pageData && fetching,
    refreshing: Boolean(pageData) && fetching,
    error,
    retry: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
