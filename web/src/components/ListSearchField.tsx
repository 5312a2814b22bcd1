import '../list-search.css';
import { useId } from 'react';
import type { ListSearchView } from '../hooks/useListSearch';

export interface ListSearchFieldProps<T> {
  view: ListSearchView<T>;
  /** What can be searched for, e.g. "Name, type or host". */
  placeholder: string;
}

/** The labelled search box above a configuration list; absent while the list is short and unfiltered. */
export function ListSearchField<T>({ view, placeholder }: ListSearchFieldProps<T>) {
  const id = useId();
  if (!view.searchable) return null;
  return (
    <div className="field list-search" role="search">
      <label htmlFor={id}>Search {view.noun.other}</label>
      <input
        ref={view.inputRef}
        id={id}
        type="search"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        value={view.searchText}
        onChange={(event) => view.setSearchText(event.target.value)}
      />
    </div>
  );
}
