import type { AllStreamResolvedEvent, AllStreamSubscription, CaughtUp, Position } from '@kurrent/kurrentdb-client';
import { matchesFilter, type RecordedEvent, type SubscribeOptions, type Subscription } from '../event-store';
import { resolvedPosition, toRecordedEvent } from './kurrent-mapping';

export interface KurrentSubscriptionSource {
  /**
   * Opens the client's catch-up subscription to $all strictly after `after`, with a
   * server-side filter whose `checkpointReached` is `onServerCheckpoint`.
   */
  open(
    after: bigint,
    onServerCheckpoint: (subscription: AllStreamSubscription, position: Position) => void,
  ): AllStreamSubscription;
  /** Position of the newest event strictly before a server position, if there is one. */
  eventBefore(position: bigint): Promise<bigint | undefined>;
  /** Position of the newest non-system event now. */
  headPosition(): Promise<bigint>;
}

/** Largest batch handed to `onEvents` at once. */
const MAX_BATCH = 500;

/**
 * A point in the client's stream of events where the server said something out of band:
 * `at` counts the events the client had pushed before it (the ones we already took plus
 * the ones still buffered), so the note is applied only after exactly those are delivered.
 */
interface Marker {
  at: number;
  /** A server position everything before which has been considered (checkpoint, caught-up). */
  server?: bigint;
  caughtUp: boolean;
}

/**
 * Our catch-up subscription on top of the client's `subscribeToAll`.
 *
 * The client's subscription is an object-mode stream; it emits `caughtUp` and calls
 * `checkpointReached` when the server's message passes through, which can be before the
 * events ahead of it have left the stream's buffer. So both are turned into markers that
 * are applied in order, after the events that preceded them.
 *
 * Back-pressure: events are read with `read()` only while no `onEvents` is pending, so the
 * stream buffer fills, gRPC flow control stops, and the server waits.
 *
 * Checkpoints: after every batch, the position of its last event (delivered or filtered
 * out). Server checkpoints can name a position where no event is yet (an event appended
 * later can land exactly there, kurrent-io/KurrentDB#4970), so they are turned into the
 * position of the newest event before them, which is always safe to resume after.
 *
 * Caught up: when the server says so (EventStoreDB 23.10 and later), or, for older
 * servers, once the subscription has passed the newest event stored when it started.
 */
export function kurrentSubscription(source: KurrentSubscriptionSource, options: SubscribeOptions): Subscription {
  let position = options.after ?? 0n;
  let closed = false;
  let ended = false;
  let failure: Error | undefined;
  let received = 0;
  let head: bigint | undefined;
  let caughtUp = false;
  const markers: Marker[] = [];
  let wake: (() => void) | null = null;
  const signal = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };

  const mark = (subscription: AllStreamSubscription, server: bigint | undefined, isCaughtUp: boolean) => {
    const at = received + subscription.readableLength;
    const last = markers[markers.length - 1];
    if (last && last.at === at) {
      if (server !== undefined && (last.server === undefined || server > last.server)) last.server = server;
      last.caughtUp ||= isCaughtUp;
    } else {
      markers.push({ at, server, caughtUp: isCaughtUp });
    }
    signal();
  };

  const sub = source.open(position, (subscription, p) => mark(subscription, p.commit, false));
  sub.on('caughtUp', (info: CaughtUp) => mark(sub, info.position?.commit, true));
  sub.on('readable', signal);
  sub.on('end', () => {
    ended = true;
    signal();
  });
  sub.on('close', () => {
    ended = true;
    signal();
  });
  sub.on('error', (error: Error) => {
    failure ??= error;
    signal();
  });
  source.headPosition().then(
    (h) => {
      head = h;
      signal();
    },
    () => {}, // only a fallback for servers that never say "caught up"
  );

  const fireCaughtUp = () => {
    if (caughtUp || closed) return;
    caughtUp = true;
    options.onCaughtUp?.(position);
  };

  const drain = (): AllStreamResolvedEvent[] => {
    const batch: AllStreamResolvedEvent[] = [];
    while (batch.length < MAX_BATCH && !(markers.length > 0 && markers[0]!.at <= received)) {
      const next = sub.read() as AllStreamResolvedEvent | null;
      if (next === null) break;
      received += 1;
      batch.push(next);
    }
    return batch;
  };

  const deliver = async (batch: AllStreamResolvedEvent[]) => {
    let last = position;
    const wanted: RecordedEvent[] = [];
    for (const resolved of batch) {
      const p = resolvedPosition(resolved);
      if (p === undefined || p <= last) continue;
      last = p;
      const event = toRecordedEvent(resolved);
      if (event && matchesFilter(event, options.filter)) wanted.push(event);
    }
    if (last === position) return;
    if (wanted.length > 0) {
      if (closed) return;
      await options.onEvents(wanted);
    }
    position = last;
    await options.onCheckpoint?.(position);
  };

  const apply = async (marker: Marker) => {
    if (marker.server !== undefined && marker.server - 1n > position) {
      const safe = await source.eventBefore(marker.server).catch(() => undefined);
      if (safe !== undefined && safe > position && !closed) {
        position = safe;
        await options.onCheckpoint?.(position);
      }
    }
    if (marker.caughtUp) fireCaughtUp();
  };

  const run = async () => {
    while (!closed) {
      if (failure) throw failure;
      if (markers.length > 0 && markers[0]!.at <= received) {
        await apply(markers.shift()!);
        continue;
      }
      const batch = drain();
      if (batch.length > 0) {
        await deliver(batch);
      } else if (ended) {
        throw failure ?? new Error('the KurrentDB subscription ended without being closed');
      }
      if (head !== undefined && position >= head) fireCaughtUp();
      if (batch.length === 0 && !closed) await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      try {
        await sub.unsubscribe();
      } catch {
        // the call never started or is already gone
      }
      sub.destroy();
    })());

  const done = run().catch(async (error: unknown) => {
    if (closed) return;
    await stop();
    if (!closed) options.onError?.(error instanceof Error ? error : new Error(String(error)));
  });

  return {
    async close() {
      closed = true;
      signal();
      await stop();
      await done;
    },
  };
}
