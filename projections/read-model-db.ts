import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens the read-model database of this node. Read models can always be rebuilt from the
 * event store, so `synchronous=NORMAL` is enough: checkpoints commit with their rows, and
 * whatever a crash loses is replayed.
 */
export function openReadModelDb(file: string, options: { autoCheckpoint?: boolean } = {}): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  // Off when a `WalCheckpointer` thread checkpoints the file instead of the committing call.
  if (options.autoCheckpoint === false) db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL
  ) WITHOUT ROWID`);
  return db;
}
