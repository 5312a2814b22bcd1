import { useEffect, useRef, useState, type RefObject } from 'react';
import { useLocation, useNavigationType, useSearchParams } from 'react-router';
import { matchesSearch, parsePage, type ListNoun } from '../internal/listSearch';

/** Items per page of a configuration list. */
export const LIST_PAGE_SIZE = 20;
/** A list longer than this gets a search box; shorter ones stay as they were. */
export const LIST_SEARCH_MIN_ITEMS = 5;

export interface ListSearchOptions<T> {
  /** What the list holds, for the label, the count line and the empty message. */
  noun: ListNoun;
  /** The texts of one item a search looks in: name, kind, hosts, entity id, state, directory name… */
  fields: (item: T) => ReadonlyArray<string | null | undefined>;
  pageSize?: number;
  /**
   * Names this list's URL parameters (`<param>q`, `<param>page`) where a page shows more than
   * one searchable list, or sits on another list's URL; empty for the page's main list.
   */
  param?: string;
}

export interface ListSearchView<T> {
  noun: ListNoun;
  /** What is typed in the search box. */
  searchText: string;
  setSearchText(text: string): void;
  /** Empties the search and puts the focus back in its box. */
  clear(): void;
  /** The search the shown items answer (trimmed); empty when the list is not filtered. */
  query: string;
  /** The items of the shown page. */
  items: T[];
  /** All items, before the search. */
  total: number;
  /** Items that match the search, in all pages. */
  matchCount: number;
  /** 1-based; always within 1…pageCount. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last item shown (0 when none is). */
  first: number;
  last: number;
  goToPage(page: number): void;
  /** Whether to show the search box and the count: the list is long, or a search is applied. */
  searchable: boolean;
  /** For the search box, so {@link ListSearchView.clear} can focus it. */
  inputRef: RefObject<HTMLInputElement | null>;
}

// Browser-side on purpose: these lists are configuration objects (dozens, not millions) that the GraphQL queries return whole.
/**
 * Filters and pages a configuration list in the browser, with the search and the page kept in
 * the URL (`?q=…&page=…`) so reload, back and a shared link show the same view.
 */
export function useListSearch<T>(all: readonly T[], { noun, fields, pageSize = LIST_PAGE_SIZE, param = '' }: ListSearchOptions<T>): ListSearchView<T> {
  const qKey = `${param}q`;
  const pageKey = `${param}page`;
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const urlQuery = params.get(qKey) ?? '';
  const [searchText, setText] = useState(urlQuery);
  const inputRef = useRef<HTMLInputElement | null>(null);

  // The box follows the URL when it changes from outside (back, forward, a link), not when it
  // echoes the typing, which is written with `replace` and may lag a keystroke behind.
  useEffect(() => {
    if (navigationType !== 'REPLACE') setText(params.get(qKey) ?? '');
  }, [location.key]); // once per navigation, on purpose

  const query = searchText.trim();
  const matching = query ? all.filter((item) => matchesSearch(fields(item), query)) : [...all];
  const pageCount = Math.max(1, Math.ceil(matching.length / pageSize));
  // A new search starts at page 1 even before the URL has caught up with it.
  const page = query === urlQuery.trim() ? Math.min(parsePage(params.get(pageKey)), pageCount) : 1;
  const items = matching.slice((page - 1) * pageSize, page * pageSize);
  const first = items.length ? (page - 1) * pageSize + 1 : 0;

  const setSearchText = (text: string) => {
    setText(text);
    const next = text.trim();
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set(qKey, next);
        else updated.delete(qKey);
        updated.delete(pageKey);
        return updated;
      },
      { replace: true },
    );
  };

  return {
    noun,
    searchText,
    setSearchText,
    clear: () => {
      setSearchText('');
      inputRef.current?.focus();
    },
    query,
    items,
    total: all.length,
    matchCount: matching.length,
    page,
    pageCount,
    first,
    last: first ? first + items.length - 1 : 0,
    goToPage: (target) => {
      const next = Math.min(Math.max(1, target), pageCount);
      setParams((current) => {
        const updated = new URLSearchParams(current);
        if (next > 1) updated.set(pageKey, String(next));
        else updated.delete(pageKey);
        return updated;
      });
    },
    searchable: all.length > LIST_SEARCH_MIN_ITEMS || query !== '' || urlQuery !== '',
    inputRef,
  };
}
