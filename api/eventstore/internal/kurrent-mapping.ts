import {
  ANY,
  ErrorType,
  EVENT_TYPE,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  STREAM_NAME,
  StreamNotFoundError,
  WrongExpectedVersionError,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type AppendResult as KurrentAppendResult,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
} from '@kurrent/kurrentdb-client';
import {
  WrongExpectedRevisionError,
  type EventMetadata,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
  type SubscriptionFilter,
} from '../event-store';

/*
 * Pure conversions between the port's types and @kurrent/kurrentdb-client's.
 *
 * Positions: our bigint `position` is the $all commit position. Events appended through
 * the gRPC API are implicitly committed, so every event has commit == prepare and its own
 * commit position; (p, p) is therefore the exact $all position of the event at p.
 */

/** The expected revision as the client's stream state. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/** Our event as the client's JSON event; the event id is ours, so a re-send is deduplicated. */
export function toEventData(event: NewEvent): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata as unknown as JSONType,
  });
}

/** A failed expectation as our `WrongExpectedRevisionError`; anything else unchanged. */
export function translateAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  if (isWrongExpectedVersion(error)) {
    return new WrongExpectedRevisionError(streamId, expected, toActualRevision(error.actualState));
  }
  return error;
}

function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return (
    error instanceof WrongExpectedVersionError ||
    (error instanceof Error && (error as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION)
  );
}

/** The server reports deleted (-5) and tombstoned (-6) streams as negative revisions. */
export function toActualRevision(state: CurrentStreamState | undefined): bigint | 'no_stream' {
  return typeof state === 'bigint' && state >= 0n ? state : 'no_stream';
}

/** True for the client's "stream not found" read error. */
export function isStreamNotFound(error: unknown): boolean {
  return (
    error instanceof StreamNotFoundError ||
    (error instanceof Error && (error as { type?: unknown }).type === ErrorType.STREAM_NOT_FOUND)
  );
}

const MAX_INT64 = 2n ** 63n - 1n;

/**
 * The commit position of the last appended event, or undefined when the server sent none
 * (it reports -1 for an idempotent re-send it could not yet look up, which may arrive as
 * "no position" or as the unsigned 2^64-1).
 */
export function appendPosition(result: KurrentAppendResult): bigint | undefined {
  const commit = result.position?.commit;
  return commit !== undefined && commit >= 0n && commit <= MAX_INT64 ? commit : undefined;
}

/** Where to start reading $all for "after `position`": the exact position of that event. */
export function toReadPosition(position: bigint): ReadPosition {
  return position > 0n ? { commit: position, prepare: position } : START;
}

/** The shape both the gRPC and the Rust-bridge paths of the client produce. */
export interface ClientRecord {
  streamId: string;
  id: string;
  type: string;
  revision: bigint;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata?: unknown;
  position?: Position;
}
export interface ClientResolvedEvent {
  event?: ClientRecord;
  commitPosition?: bigint;
}

/** System streams (`$settings`, `$$meta`, `$stats-…`, `$ce-…`) and system event types (`$>`, `$metadata`). */
export function isSystemEvent(record: Pick<ClientRecord, 'streamId' | 'type'>): boolean {
  return record.streamId.startsWith('$') || record.type.startsWith('$');
}

/** The $all position of a resolved event, whether or not we deliver it. */
export function resolvedPosition(resolved: ClientResolvedEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

/** A recorded event in our shape, or undefined for a system event (which the port never exposes). */
export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent | undefined {
  const e = resolved.event;
  if (!e || isSystemEvent(e)) return undefined;
  const position = resolvedPosition(resolved);
  if (position === undefined) {
    throw new Error(
      `event ${e.id} in ${e.streamId} came without a $all position; KurrentDB/EventStoreDB 22.6 or later is required`,
    );
  }
  const created = Number.isNaN(e.created.getTime()) ? new Date(0) : e.created;
  return {
    eventId: e.id,
    streamId: e.streamId,
    revision: e.revision,
    position,
    type: e.type,
    data: e.data,
    metadata: (e.metadata ?? {}) as EventMetadata,
    recordedAt: created.toISOString(),
  };
}

/** Matches every stream whose name does not start with `$`. */
export const NON_SYSTEM_STREAMS = '^[^$]';

/**
 * The part of a subscription filter the server can apply. The server takes one filter at
 * a time, so stream prefixes win (they match exactly), then event types (sent as prefixes,
 * a superset); without either, system streams are left out. The caller always applies the
 * full filter again on its side.
 */
export type ServerFilter =
  | { filterOn: typeof STREAM_NAME | typeof EVENT_TYPE; prefixes: string[] }
  | { filterOn: typeof STREAM_NAME; regex: string };

export function serverFilterFor(filter?: SubscriptionFilter): ServerFilter {
  if (filter?.streamPrefixes?.length) return { filterOn: STREAM_NAME, prefixes: [...filter.streamPrefixes] };
  if (filter?.eventTypes?.length) return { filterOn: EVENT_TYPE, prefixes: [...filter.eventTypes] };
  return { filterOn: STREAM_NAME, regex: NON_SYSTEM_STREAMS };
}

export interface CheckpointOptions {
  /** Checkpoint every `checkpointInterval` × 32 events the server considers. */
  checkpointInterval?: number;
  checkpointReached?: (subscription: AllStreamSubscription, position: Position) => void | Promise<void>;
}

/** The client's filter object for a server filter. */
export function toClientFilter(server: ServerFilter, checkpoints: CheckpointOptions = {}): Filter {
  const make = server.filterOn === EVENT_TYPE ? eventTypeFilter : streamNameFilter;
  return 'regex' in server
    ? make({ regex: server.regex, ...checkpoints })
    : make({ prefixes: server.prefixes, ...checkpoints });
}
