import { BACKWARDS, END, KurrentDBClient } from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  matchesFilter,
  type AppendResult,
  type EventStore,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from './event-store';
import {
  NON_SYSTEM_STREAMS,
  appendPosition,
  isStreamNotFound,
  resolvedPosition,
  serverFilterFor,
  toActualRevision,
  toClientFilter,
  toEventData,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
  translateAppendError,
} from './internal/kurrent-mapping';
import { kurrentSubscription } from './internal/kurrent-subscription';

export interface KurrentEventStoreOptions {
  /**
   * A KurrentDB/EventStoreDB connection string, e.g. `kurrentdb://admin:changeit@host:2113`
   * or `esdb://host:2113?tls=false`. The user must be allowed to read `$all`.
   */
  connectionString: string;
}

/** Events buffered per subscription before gRPC flow control holds the server back. */
const SUBSCRIPTION_BUFFER = 256;
/** Server checkpoints every 4 × 32 events it looks at for a filtered subscription. */
const CHECKPOINT_INTERVAL = 4;
/** Largest page asked of the server by `readAll`. */
const MAX_PAGE = 1_000;

/**
 * The production event store on KurrentDB (or EventStoreDB 23.10+), through the official
 * client. Positions are $all commit positions. The server enforces expected revisions and
 * deduplicates a re-sent append by event id. Only our own events are exposed: system
 * streams and event types (`$…`) are skipped everywhere.
 */
export function createKurrentEventStore(options: KurrentEventStoreOptions): EventStore {
  const client = KurrentDBClient.connectionString(options.connectionString);
  const subscriptions = new Set<Subscription>();
  let closed = false;

  /** Position of the event at `revision` in a stream (used when an append came back without one). */
  const positionAt = async (streamId: string, revision: bigint): Promise<bigint> => {
    for await (const resolved of client.readStream(streamId, { fromRevision: revision, maxCount: 1 })) {
      const position = resolvedPosition(resolved);
      if (position !== undefined) return position;
    }
    throw new Error(`stream ${streamId}: no position for revision ${revision} after append`);
  };

  const eventBefore = async (position: bigint): Promise<bigint | undefined> => {
    const before = client.readAll({ direction: BACKWARDS, fromPosition: toReadPosition(position), maxCount: 1 });
    for await (const resolved of before) return resolvedPosition(resolved);
    return undefined;
  };

  const headPosition = async (): Promise<bigint> => {
    const newest = client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: toClientFilter({ filterOn: 'streamName', regex: NON_SYSTEM_STREAMS }),
    });
    for await (const resolved of newest) return resolvedPosition(resolved) ?? 0n;
    return 0n;
  };

  return {
    async append(streamId, events, expected): Promise<AppendResult> {
      if (closed) throw new Error('event store is closed');
      if (events.length === 0) throw new Error('append needs at least one event');
      let result;
      try {
        result = await client.appendToStream(streamId, events.map(toEventData), {
          streamState: toStreamState(expected),
        });
      } catch (error) {
        throw translateAppendError(error, streamId, expected);
      }
      if (!result.success) {
        // Only when the connection string sets throwOnAppendFailure=false.
        throw new WrongExpectedRevisionError(streamId, expected, toActualRevision(result.nextExpectedRevision));
      }
      const nextRevision = result.nextExpectedRevision;
      const position = appendPosition(result) ?? (await positionAt(streamId, nextRevision));
      return { nextRevision, position };
    },

    async readStream(streamId) {
      const events: RecordedEvent[] = [];
      try {
        for await (const resolved of client.readStream(streamId)) {
          const event = toRecordedEvent(resolved);
          if (event) events.push(event);
        }
      } catch (error) {
        if (isStreamNotFound(error)) return [];
        throw error;
      }
      return events;
    },

    async readAll(opts: ReadAllOptions = {}) {
      const limit = opts.limit ?? 1_000;
      const filter = toClientFilter(serverFilterFor(opts.filter));
      const out: RecordedEvent[] = [];
      let after = opts.after ?? 0n;
      while (out.length < limit) {
        const maxCount = Math.min(Math.max(limit - out.length, 64), MAX_PAGE);
        // A forward read includes the event at its start position: skip what is not after `after`.
        const page = client.readAll({ fromPosition: toReadPosition(after), maxCount, filter });
        let last = after;
        for await (const resolved of page) {
          const position = resolvedPosition(resolved);
          if (position === undefined || position <= last) continue;
          last = position;
          const event = toRecordedEvent(resolved);
          if (event && matchesFilter(event, opts.filter)) out.push(event);
          if (out.length >= limit) break;
        }
        if (last === after) break;
        after = last;
      }
      return out;
    },

    headPosition,

    subscribe(opts: SubscribeOptions): Subscription {
      const server = serverFilterFor(opts.filter);
      const inner = kurrentSubscription(
        {
          open: (after, checkpointReached) =>
            client.subscribeToAll(
              {
                fromPosition: toReadPosition(after),
                filter: toClientFilter(server, { checkpointInterval: CHECKPOINT_INTERVAL, checkpointReached }),
              },
              { highWaterMark: SUBSCRIPTION_BUFFER },
            ),
          eventBefore,
          headPosition,
        },
        opts,
      );
      const subscription: Subscription = {
        async close() {
          subscriptions.delete(subscription);
          await inner.close();
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...subscriptions].map((s) => s.close()));
      await client.dispose();
    },
  };
}
