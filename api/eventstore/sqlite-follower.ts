import Database from 'better-sqlite3';
import type { EventStore } from './event-store';
import { catchUpSubscription } from './internal/catch-up-subscription';
import { LiveFeed } from './internal/live-feed';
import { createPageReader } from './internal/sqlite-page-reader';

const PAGE = 2_000;

/** A read-only view of a SQLite event store file that another thread of this process appends to. */
export interface SqliteFollower extends Pick<EventStore, 'subscribe'> {
  /** The writer's word that every event up to `position` is on disk: subscribers get them now. */
  advanceTo(position: bigint): void;
  close(): void;
}

/**
 * Follows an event store file from another thread (the projection thread). The writer commits
 * before its fsync and reports each durable position; the follower shows subscribers only
 * events up to the last one reported, so a read model never gets ahead of the store after a
 * power cut, exactly as subscribers inside the writer's thread.
 */
export function createSqliteFollower(file: string, durableHead: bigint): SqliteFollower {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const readRows = createPageReader(db);
  const feed = new LiveFeed();
  let head = durableHead;
  let published = durableHead;

  const readPage = (after: bigint, limit: number) => readRows(after, limit, head);

  return {
    subscribe: (options) => catchUpSubscription({ readPage: async (after, limit) => readPage(after, limit), listen: (l) => feed.listen(l) }, options),
    advanceTo(position) {
      if (position <= head) return;
      head = position;
      for (;;) {
        const rows = readPage(published, PAGE);
        if (rows.length === 0) return;
        published = rows[rows.length - 1]!.position;
        feed.publish(rows);
      }
    },
    close: () => db.close(),
  };
}
