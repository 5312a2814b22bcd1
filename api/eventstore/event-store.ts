/**
 * The event-store port. Every adapter (SQLite, KurrentDB) implements this contract and
 * passes `event-store.contract.ts`. Positions are global and totally ordered; revisions
 * count events within one stream from 0.
 */

/** Who caused an event. */
export type ActorKind = 'admin' | 'user' | 'device' | 'integrator' | 'system';
export interface Actor {
  kind: ActorKind;
  id: string;
}

/** Metadata carried by every event (DESIGN.md "Aggregates and streams"). */
export interface EventMetadata {
  tenantId: string;
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** ISO-8601 time the command was handled. */
  timestamp: string;
  ip?: string;
  userAgent?: string;
}

/** An event about to be appended. `eventId` is a UUID; re-sending one is a no-op. */
export interface NewEvent<Type extends string = string, Data = unknown> {
  eventId: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/** An event as stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  /** 0-based index in its stream. */
  revision: bigint;
  /** Global position in the store: strictly increasing, gaps allowed. */
  position: bigint;
  /** When the store recorded it. */
  recordedAt: string;
}

/**
 * What the stream must look like for an append to succeed.
 * - `any`: no check; `no_stream`: must not exist; `stream_exists`: must exist;
 * - a bigint: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: bigint;
  /** Global position of the last appended event (or of the original, for a re-send). */
  position: bigint;
}

export interface AppendOptions {
  /**
   * When the append is acknowledged: `durable` (the default) once its events are on disk;
   * `committed` once they are in the store's log, where the next command on the stream sees
   * them, perhaps before they are synced. Only for a step that appends again afterwards and
   * waits for that append to be durable before anything leaves the server: a later append
   * cannot reach the disk without an earlier one. Subscribers and `readAll` see events only
   * once they are on disk, either way.
   */
  ack?: 'durable' | 'committed';
}

export interface SubscriptionFilter {
  /** Only events whose type is one of these. */
  eventTypes?: readonly string[];
  /** Only events whose stream id starts with one of these. */
  streamPrefixes?: readonly string[];
}

export interface SubscribeOptions {
  /** Deliver events strictly after this position; omit to start at the beginning. */
  after?: bigint;
  filter?: SubscriptionFilter;
  /**
   * Called with batches of events in order. The subscription waits for the returned
   * promise before delivering the next batch, so a slow consumer applies back-pressure.
   */
  onEvents: (events: RecordedEvent[]) => void | Promise<void>;
  /** Called once when the subscriber has seen everything stored when it started. */
  onCaughtUp?: (position: bigint) => void;
  /**
   * Called with the position the subscription has read up to, including filtered-out
   * events, so a consumer can checkpoint past events it does not take.
   */
  onCheckpoint?: (position: bigint) => void | Promise<void>;
  /** Called if the subscription stops because of an error (never after close()). */
  onError?: (error: Error) => void;
}

export interface Subscription {
  close(): Promise<void>;
}

export interface ReadAllOptions {
  after?: bigint;
  limit?: number;
  filter?: SubscriptionFilter;
}

export interface EventStore {
  /** Appends events atomically; throws `WrongExpectedRevisionError` when the check fails. */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  /** All events of a stream in revision order; an empty array when it does not exist. */
  readStream(streamId: string): Promise<RecordedEvent[]>;
  /** Events after a position in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event, or 0n when the store is empty. */
  headPosition(): Promise<bigint>;
  /** Catch-up subscription to all events: stored ones first, then live ones. */
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}

/** The expected-revision check failed: somebody else wrote to the stream first. */
export class WrongExpectedRevisionError extends Error {
  override name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: bigint | 'no_stream',
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, found ${String(actual)}`);
  }
}

/** True when an event matches a subscription filter. */
export function matchesFilter(event: Pick<RecordedEvent, 'type' | 'streamId'>, filter?: SubscriptionFilter): boolean {
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.streamId.startsWith(p))) return false;
  return true;
}
