import { useEffect, useRef, useState } from 'react';

const SEARCH_DELAY_MS = 250;

/**
 * Where a server-paged list stands: its search box (the search runs a moment after typing
 * stops, and starts again at page 1) and its page, walked forward with the server's
 * `endCursor` and back through the cursors already seen.
 */
export function useCursorPages() {
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

  return {
    searchText,
    setSearchText,
    /** The search the shown page answers. */
    search,
    /** The cursor of the page to fetch; null for the first. */
    after: cursors[cursors.length - 1] ?? null,
    /** 1-based. */
    page: cursors.length,
    /** Back to page 1 (a filter changed). */
    restart: () => setCursors([null]),
    next: (endCursor: string | null | undefined) => {
      if (endCursor) setCursors((known) => [...known, endCursor]);
    },
    previous: () => setCursors((known) => (known.length > 1 ? known.slice(0, -1) : known)),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/**
 * The page to show: the one that arrived, or the last one while the next loads (rather than
 * an empty table). A later page left empty (its last item removed) steps back one.
 */
export function useShownPage<Page>(arrived: Page | undefined, isEmpty: (page: Page) => boolean, pages: CursorPages): Page | undefined {
  const shown = useRef(arrived);
  if (arrived) shown.current = arrived;
  const emptyLaterPage = arrived !== undefined && isEmpty(arrived) && pages.page > 1;
  // Runs when the page becomes empty, not on every render: `previous` updates by function, so any render's copy does.
  useEffect(() => {
    if (emptyLaterPage) pages.previous();
  }, [emptyLaterPage]);
  return arrived ?? shown.current;
}
