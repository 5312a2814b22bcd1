import type { RecordedEvent } from '../event-store';

/**
 * Recently used streams kept in memory, so loading an aggregate for a command does not
 * re-read and re-parse its events. Only valid while every append goes through the one store
 * that owns the cache (single writer process); a conflict drops the stream to be safe.
 */
export class StreamCache {
  private readonly streams = new Map<string, RecordedEvent[]>();

  constructor(private readonly maxStreams: number) {}

  get(streamId: string): RecordedEvent[] | undefined {
    const events = this.streams.get(streamId);
    if (!events) return undefined;
    // Map order is insertion order: re-inserting marks the stream as recently used.
    this.streams.delete(streamId);
    this.streams.set(streamId, events);
    return events.slice();
  }

  /** Remembers a stream read in full from the store. */
  remember(streamId: string, events: RecordedEvent[]): void {
    this.streams.set(streamId, events.slice());
    if (this.streams.size > this.maxStreams) this.streams.delete(this.streams.keys().next().value!);
  }

  /** Adds committed events; a stream not cached is cached only if these events start it. */
  committed(events: readonly RecordedEvent[]): void {
    for (const e of events) {
      const cached = this.streams.get(e.streamId);
      if (cached && cached.length === Number(e.revision)) cached.push(e);
      else if (cached) this.streams.delete(e.streamId);
      else if (e.revision === 0n) this.remember(e.streamId, [e]);
    }
  }

  forget(streamId: string): void {
    this.streams.delete(streamId);
  }
}
