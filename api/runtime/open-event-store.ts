import { join } from 'node:path';
import type { Config } from '../config/config';
import type { EventStore } from '../eventstore';
import { createSqliteEventStore } from '../eventstore/sqlite-event-store';

/** KurrentDB when EVENTSTORE_URL is set, otherwise the embedded SQLite file in DATA_DIR. */
export async function openEventStore(config: Config, opts: { crossProcess: boolean }): Promise<EventStore> {
  if (config.EVENTSTORE_URL) {
    const { createKurrentEventStore } = await import('../eventstore/kurrent-event-store');
    return createKurrentEventStore({ connectionString: config.EVENTSTORE_URL });
  }
  return createSqliteEventStore({
    file: join(config.dataDir, 'events.sqlite'),
    // Polls that find nothing cost about a microsecond (data_version): keep read models close.
    ...(opts.crossProcess ? { crossProcessPollMs: 5 } : {}),
  });
}
