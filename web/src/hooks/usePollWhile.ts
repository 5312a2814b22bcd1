import { useEffect, useRef } from 'react';

export interface PollOptions {
  /** First wait, in ms. */
  firstMs?: number;
  /** Longest wait; each wait is 1.5 times the last, up to this. */
  maxMs?: number;
  /** A new value starts again from `firstMs` (e.g. the newest send's id). */
  restartKey?: unknown;
}

/**
 * Calls `poll` now and then while `active`: after `firstMs`, then backing off to `maxMs`, never
 * while the tab is hidden, and not at all once `active` turns false. One timer per caller, so a
 * page polls gently rather than in a storm.
 */
export function usePollWhile(active: boolean, poll: () => void, { firstMs = 2_000, maxMs = 15_000, restartKey }: PollOptions = {}): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    if (!active) return;
    let wait = firstMs;
    let timer = 0;
    const tick = () => {
      if (document.visibilityState === 'visible') latest.current();
      wait = Math.min(maxMs, Math.round(wait * 1.5));
      timer = window.setTimeout(tick, wait);
    };
    timer = window.setTimeout(tick, wait);
    return () => window.clearTimeout(timer);
  }, [active, firstMs, maxMs, restartKey]);
}
