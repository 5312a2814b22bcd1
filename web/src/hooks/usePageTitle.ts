import { useEffect } from 'react';

/** Sets `document.title` to "<page> · Countersign". */
export function usePageTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · Countersign`;
  }, [page]);
}
