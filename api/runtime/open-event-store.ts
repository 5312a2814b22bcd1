import { join } from 'node:path';
import type { Config } from '../config/config';
import type { EventStore } from '../eventstore';
import { createSqliteEventStore } from '../eventstore/sqlite-event-store';

export const eventStoreFile = (config: Config) => join(config.dataDir, 'events.sqlite');

/** KurrentDB when EVENTSTORE_URL is set, otherwise the embedded SQLite file in DATA_DIR. */
export async function openEventStore(config: Config, opts: { crossProcess: boolean; autoCheckpoint?: boolean }): Promise<EventStore> {
  if (config.EVENTSTORE_URL) {
    const { createKurrentEventStore } = await import('../eventstore/kurrent-event-store');
    return createKurrentEventStore({ connectionString: config.EVENTSTORE_URL });
  }
  return createSqliteEventStore({
    file: eventStoreFile(config),
    // Polls that find nothing cost about a microsecond (data_version): keep read models close.
    ...(opts.crossProcess ? { crossProcessPollMs: 5 } : {}),
    autoCheckpoint: opts.autoCheckpoint,
  });
}
