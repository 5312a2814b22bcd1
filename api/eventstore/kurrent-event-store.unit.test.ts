import {
  ANY,
  EVENT_TYPE,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  STREAM_NAME,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { describe, expect, it } from 'vitest';
import { WrongExpectedRevisionError, type NewEvent } from './event-store';
import {
  appendPosition,
  isStreamNotFound,
  serverFilterFor,
  toActualRevision,
  toClientFilter,
  toEventData,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
  translateAppendError,
  type ClientRecord,
} from './internal/kurrent-mapping';

const metadata = {
  tenantId: 't1',
  actor: { kind: 'admin' as const, id: 'a1' },
  correlationId: 'c1',
  causationId: 'c0',
  timestamp: '2025-01-02T03:04:05.000Z',
};

function record(overrides: Partial<ClientRecord> = {}): ClientRecord {
  return {
    streamId: 'tenant-t1-1',
    id: '6f1c1a8e-3c55-4a49-9c7e-0d2a3c4b5e6f',
    type: 'TenantCreated',
    revision: 4n,
    created: new Date('2025-01-02T03:04:06.789Z'),
    isJson: true,
    data: { name: 'Acme' },
    metadata,
    position: { commit: 1234n, prepare: 1234n },
    ...overrides,
  };
}

describe('KurrentDB mapping: expected revision', () => {
  it('maps every kind of expectation to the client stream state', () => {
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState(0n)).toBe(0n);
    expect(toStreamState(41n)).toBe(41n);
  });
});

describe('KurrentDB mapping: append errors', () => {
  it('turns the client wrong-expected-version error into ours, with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 0n, current: 3n });
    const translated = translateAppendError(error, 's-1', 0n);
    expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
    expect(translated).toMatchObject({ streamId: 's-1', expected: 0n, actual: 3n });
  });

  it('reports a missing stream as no_stream', () => {
    const error = new WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(translateAppendError(error, 's-1', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  it('reports deleted and tombstoned streams (negative revisions) as no_stream', () => {
    expect(toActualRevision(-5n)).toBe('no_stream');
    expect(toActualRevision(-6n)).toBe('no_stream');
    expect(toActualRevision('no_stream')).toBe('no_stream');
    expect(toActualRevision(0n)).toBe(0n);
  });

  it('leaves other errors untouched', () => {
    const error = new UnavailableError(undefined, 'server gone');
    expect(translateAppendError(error, 's-1', 'any')).toBe(error);
    expect(translateAppendError('weird', 's-1', 'any')).toBe('weird');
  });

  it('recognises the stream-not-found read error', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's-1'))).toBe(true);
    expect(isStreamNotFound(new Error('nope'))).toBe(false);
  });
});

describe('KurrentDB mapping: positions', () => {
  it('reads after the very start from START and after a position from that exact event', () => {
    expect(toReadPosition(0n)).toBe(START);
    expect(toReadPosition(987n)).toEqual({ commit: 987n, prepare: 987n });
  });

  it('takes the commit position of an append, and nothing when the server sent none or -1', () => {
    const base = { success: true, nextExpectedRevision: 1n };
    expect(appendPosition({ ...base, position: { commit: 555n, prepare: 555n } })).toBe(555n);
    expect(appendPosition({ ...base, position: undefined })).toBeUndefined();
    expect(appendPosition({ ...base, position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } })).toBeUndefined();
  });
});

describe('KurrentDB mapping: events', () => {
  it('sends our event id, type, data and metadata as a JSON event', () => {
    const event: NewEvent = { eventId: 'e-1', type: 'TenantCreated', data: { name: 'Acme' }, metadata };
    expect(toEventData(event)).toEqual({
      id: 'e-1',
      contentType: 'application/json',
      type: 'TenantCreated',
      data: { name: 'Acme' },
      metadata,
    });
  });

  it('converts a recorded event with its $all commit position', () => {
    expect(toRecordedEvent({ event: record() })).toEqual({
      eventId: '6f1c1a8e-3c55-4a49-9c7e-0d2a3c4b5e6f',
      streamId: 'tenant-t1-1',
      revision: 4n,
      position: 1234n,
      type: 'TenantCreated',
      data: { name: 'Acme' },
      metadata,
      recordedAt: '2025-01-02T03:04:06.789Z',
    });
  });

  it('falls back to the resolved commit position when the record has none', () => {
    expect(toRecordedEvent({ event: record({ position: undefined }), commitPosition: 77n })?.position).toBe(77n);
    expect(() => toRecordedEvent({ event: record({ position: undefined }) })).toThrow(/22\.6 or later/);
  });

  it('skips system events: $-streams, $-types and records without an event', () => {
    expect(toRecordedEvent({ event: record({ streamId: '$stats-127.0.0.1:2113', type: 'Stats' }) })).toBeUndefined();
    expect(toRecordedEvent({ event: record({ streamId: '$ce-tenant', type: '$>' }) })).toBeUndefined();
    expect(toRecordedEvent({ event: record({ type: '$metadata' }) })).toBeUndefined();
    expect(toRecordedEvent({ commitPosition: 5n })).toBeUndefined();
  });
});

describe('KurrentDB mapping: server-side filter', () => {
  it('prefers stream prefixes, then event types (as prefixes), else leaves out system streams', () => {
    expect(serverFilterFor({ streamPrefixes: ['tenant-'], eventTypes: ['X'] })).toEqual({
      filterOn: STREAM_NAME,
      prefixes: ['tenant-'],
    });
    expect(serverFilterFor({ eventTypes: ['X', 'Y'] })).toEqual({ filterOn: EVENT_TYPE, prefixes: ['X', 'Y'] });
    expect(serverFilterFor({ eventTypes: [], streamPrefixes: [] })).toEqual({ filterOn: STREAM_NAME, regex: '^[^$]' });
    expect(serverFilterFor()).toEqual({ filterOn: STREAM_NAME, regex: '^[^$]' });
  });

  it('builds the client filter with checkpoint options', () => {
    const checkpointReached = () => {};
    expect(toClientFilter({ filterOn: EVENT_TYPE, prefixes: ['X'] }, { checkpointInterval: 4, checkpointReached })).toEqual({
      filterOn: EVENT_TYPE,
      prefixes: ['X'],
      checkpointInterval: 4,
      checkpointReached,
    });
    expect(toClientFilter({ filterOn: STREAM_NAME, regex: '^[^$]' })).toMatchObject({
      filterOn: STREAM_NAME,
      regex: '^[^$]',
      checkpointInterval: 1,
    });
  });
});
