import '../list-search.css';
import type { ListSearchView } from '../hooks/useListSearch';
import { listSummary } from '../internal/listSearch';
import { ListPager } from './ListPager';

/**
 * What follows a searchable list: the count ("Showing 21–40 of 57 services") with the pager, or,
 * when nothing matches, "No services match “eu”." with a button that clears the search. The
 * count line is the same live region in both, so each change is announced politely.
 */
export function ListSearchFooter<T>({ view }: { view: ListSearchView<T> }) {
  if (!view.searchable) return null;
  const empty = view.matchCount === 0;
  const summary = listSummary({
    noun: view.noun,
    query: view.query,
    total: view.total,
    matchCount: view.matchCount,
    first: view.first,
    last: view.last,
    pageCount: view.pageCount,
  });
  return (
    <div className={empty ? 'empty-note list-search-empty' : 'table-footer list-search-footer'}>
      <p className={empty ? 'list-search-count' : 'muted table-count list-search-count'} role="status" aria-live="polite">
        {summary}
      </p>
      {empty ? (
        <button type="button" className="button button-secondary button-small" onClick={view.clear}>
          Clear search
        </button>
      ) : view.pageCount > 1 ? (
        <ListPager
          label={`Pages of ${view.noun.other}`}
          hasPrevious={view.page > 1}
          hasNext={view.page < view.pageCount}
          onPrevious={() => view.goToPage(view.page - 1)}
          onNext={() => view.goToPage(view.page + 1)}
        />
      ) : null}
    </div>
  );
}
