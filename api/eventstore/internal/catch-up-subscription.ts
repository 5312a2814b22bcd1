import { matchesFilter, type RecordedEvent, type SubscribeOptions, type Subscription } from '../event-store';

export interface CatchUpSource {
  /** Up to `limit` events strictly after `after`, unfiltered, in position order. */
  readPage(after: bigint, limit: number): Promise<RecordedEvent[]>;
  /** Registers for events committed from now on, delivered in commit order. */
  listen(listener: (events: RecordedEvent[]) => void): () => void;
}

const PAGE = 2_000;
/** Past this many undelivered live events, drop them and re-read from the source instead. */
const MAX_PENDING = 20_000;

/**
 * A catch-up subscription over any source that can page through history and push live
 * events. It listens before it reads history, so nothing committed during the catch-up is
 * missed, and it skips anything at or below the position already delivered, so nothing is
 * delivered twice. Delivery is sequential: the next batch waits for the consumer.
 */
export function catchUpSubscription(source: CatchUpSource, options: SubscribeOptions): Subscription {
  let position = options.after ?? 0n;
  let closed = false;
  let overflowed = false;
  let pending: RecordedEvent[] = [];
  let wake: (() => void) | null = null;

  const unlisten = source.listen((events) => {
    if (closed) return;
    if (!overflowed) {
      pending.push(...events);
      if (pending.length > MAX_PENDING) {
        pending = [];
        overflowed = true;
      }
    }
    wake?.();
  });

  const deliver = async (events: RecordedEvent[]) => {
    const fresh = events.filter((e) => e.position > position);
    if (fresh.length === 0) return;
    const wanted = fresh.filter((e) => matchesFilter(e, options.filter));
    if (wanted.length) await options.onEvents(wanted);
    position = fresh[fresh.length - 1]!.position;
    await options.onCheckpoint?.(position);
  };

  const readHistory = async () => {
    for (;;) {
      const page = await source.readPage(position, PAGE);
      if (closed || page.length === 0) return;
      await deliver(page);
      if (page.length < PAGE) return;
    }
  };

  const run = async () => {
    await readHistory();
    if (closed) return;
    options.onCaughtUp?.(position);
    while (!closed) {
      if (overflowed) {
        overflowed = false;
        await readHistory();
      } else if (pending.length > 0) {
        const batch = pending;
        pending = [];
        await deliver(batch);
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
      }
    }
  };

  const done = run().catch((error: unknown) => {
    if (!closed) options.onError?.(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    async close() {
      closed = true;
      unlisten();
      wake?.();
      await done;
    },
  };
}
