import type { RecordedEvent } from '../event-store';

type Listener = (events: RecordedEvent[]) => void;

/** In-process fan-out of freshly committed events to live subscribers (no polling). */
export class LiveFeed {
  private readonly listeners = new Set<Listener>();

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: RecordedEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) listener(events);
  }
}
