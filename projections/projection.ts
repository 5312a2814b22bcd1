import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../api/eventstore';

/**
 * A read model: the tables it owns and how an event changes them. `apply` runs inside the
 * runner's transaction (together with the checkpoint), so it must be synchronous and must
 * only touch its own tables. Bump `version` when the schema or the mapping changes: the
 * runner then rebuilds it from the store.
 */
export interface Projection {
  name: string;
  version: number;
  /** CREATE TABLE / INDEX statements (IF NOT EXISTS). */
  schema: string;
  /** Tables dropped on rebuild. */
  tables: readonly string[];
  /** Event types it takes; all when omitted. */
  eventTypes?: readonly string[];
  apply(db: Database.Database, event: RecordedEvent): void;
}
