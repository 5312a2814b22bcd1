import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from './event-store.contract';
import { createSqliteEventStore } from './sqlite-event-store';

eventStoreContract('SQLite', async () =>
  createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'cs-es-')), 'events.sqlite') }),
);
