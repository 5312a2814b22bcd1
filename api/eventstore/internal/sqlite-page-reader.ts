import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store';
import { uuidString } from './sqlite-schema';

/** A row as an array (`raw`): about a microsecond cheaper per row than an object. */
type PageRow = [position: bigint, eventId: Buffer, streamNo: bigint, revision: bigint, type: string, data: string, metadata: string, recordedAt: string];

/** Stream names remembered by number; past this many the memory is dropped and refilled. */
const MAX_STREAM_NAMES = 50_000;

/** No bound: every committed event. */
const LAST_POSITION = 9_223_372_036_854_775_807n;

/**
 * Reads events in position order, the hot path of every catch-up subscription and of the
 * cross-process poll. Three savings over a plain join, together about a third of the cost
 * per event (`npm run bench:eventstore`): stream names come from memory instead of a join
 * per row (a name never changes once it has a number); rows come as arrays, not objects;
 * and the rows of one append, which share one metadata text, share one parsed metadata
 * object, as live subscribers already get it. It returns up to `limit` events after `after`,
 * none past `upTo`: the last position known to be on disk, for readers that must not see
 * events a power cut could still take back.
 */
export function createPageReader(db: Database.Database): (after: bigint, limit: number, upTo?: bigint) => RecordedEvent[] {
  const pageStmt = db
    .prepare('SELECT position, event_id, stream_no, revision, type, data, metadata, recorded_at FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?')
    .safeIntegers(true)
    .raw(true);
  const nameStmt = db.prepare('SELECT stream_id FROM streams WHERE stream_no = ?').pluck();
  const names = new Map<number, string>();
  const nameOf = (streamNo: bigint) => {
    const key = Number(streamNo);
    let name = names.get(key);
    if (name === undefined) {
      if (names.size >= MAX_STREAM_NAMES) names.clear();
      name = nameStmt.get(streamNo) as string;
      names.set(key, name);
    }
    return name;
  };
  return (after, limit, upTo = LAST_POSITION) => {
    const rows = pageStmt.all(after, upTo, limit) as PageRow[];
    const out: RecordedEvent[] = new Array(rows.length);
    let metadataJson = '';
    let metadata: RecordedEvent['metadata'] | undefined;
    for (let i = 0; i < rows.length; i++) {
      const [position, eventId, streamNo, revision, type, data, metadataText, recordedAt] = rows[i]!;
      if (metadataText !== metadataJson || metadata === undefined) {
        metadataJson = metadataText;
        metadata = JSON.parse(metadataJson) as RecordedEvent['metadata'];
      }
      out[i] = { eventId: uuidString(eventId), streamId: nameOf(streamNo), revision, position, type, data: JSON.parse(data), metadata, recordedAt };
    }
    return out;
  };
}
