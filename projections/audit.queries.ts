import type Database from 'better-sqlite3';

export interface AuditRow {
  position: bigint;
  event_id: string;
  tenant_id: string;
  stream_id: string;
  type: string;
  category: string;
  actor_kind: string;
  actor_id: string;
  occurred_at: string;
  summary: string;
  data: string;
  correlation_id: string;
  causation_id: string;
  ip: string | null;
  user_agent: string | null;
}

/** Reads of the audit read model. Cursors are event positions, which never change. */
export function createAuditQueries(db: Database.Database) {
  const newestFirst = db
    .prepare('SELECT * FROM audit_events WHERE tenant_id = ? AND position < ? ORDER BY position DESC LIMIT ?')
    .safeIntegers(true);
  const oldestFirstAfter = db
    .prepare('SELECT * FROM audit_events WHERE tenant_id = ? AND position > ? ORDER BY position ASC LIMIT ?')
    .safeIntegers(true);
  const newestPosition = db
    .prepare('SELECT COALESCE(MAX(position), 0) FROM audit_events WHERE tenant_id = ?')
    .pluck()
    .safeIntegers(true);

  return {
    /** A page newest first, strictly older than `before` (omit for the newest). */
    page(tenantId: string, limit: number, before?: bigint): AuditRow[] {
      return newestFirst.all(tenantId, before ?? BigInt(Number.MAX_SAFE_INTEGER), limit) as AuditRow[];
    },
    /** Events strictly after `after`, oldest first: what a live subscription delivers next. */
    after(tenantId: string, after: bigint, limit: number): AuditRow[] {
      return oldestFirstAfter.all(tenantId, after, limit) as AuditRow[];
    },
    newestPosition(tenantId: string): bigint {
      return newestPosition.get(tenantId) as bigint;
    },
  };
}

export type AuditQueries = ReturnType<typeof createAuditQueries>;
