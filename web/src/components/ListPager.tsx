import '../list-search.css';
import { useEffect, useRef } from 'react';

export interface ListPagerProps {
  /** Names the pager for screen readers, e.g. "Pages of services". */
  label: string;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
}

/**
 * Previous and Next buttons for a paged list. When the button just pressed becomes disabled
 * (first or last page), the focus moves to the other one instead of falling to the page.
 */
export function ListPager({ label, hasPrevious, hasNext, onPrevious, onNext }: ListPagerProps) {
  const previousRef = useRef<HTMLButtonElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const pressed = useRef<'previous' | 'next' | null>(null);

  useEffect(() => {
    const focusLost = (button: HTMLButtonElement | null) => document.activeElement === button || document.activeElement === document.body;
    if (pressed.current === 'next' && !hasNext && focusLost(nextRef.current)) {
      pressed.current = null;
      previousRef.current?.focus();
    } else if (pressed.current === 'previous' && !hasPrevious && focusLost(previousRef.current)) {
      pressed.current = null;
      nextRef.current?.focus();
    }
  }, [hasPrevious, hasNext]);

  return (
    <nav className="list-pager" aria-label={label}>
      <button
        ref={previousRef}
        type="button"
        className="button button-secondary button-small"
        disabled={!hasPrevious}
        onClick={() => {
          pressed.current = 'previous';
          onPrevious();
        }}
      >
        Previous
      </button>
      <button
        ref={nextRef}
        type="button"
        className="button button-secondary button-small"
        disabled={!hasNext}
        onClick={() => {
          pressed.current = 'next';
          onNext();
        }}
      >
        Next
      </button>
    </nav>
  );
}
