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
  username: string | null;
  service_id: string | null;
  outcome: 'success' | 'failure' | null;
}

/** What the audit history can be narrowed to; every field is optional and they combine with AND. */
export interface AuditFilter {
  from?: Date;
  to?: Date;
  types?: string[];
  categories?: string[];
  actorKind?: string;
  actorId?: string;
  username?: string;
  serviceId?: string;
  outcome?: 'success' | 'failure';
  ip?: string;
  correlationId?: string;
}

/** WHERE clause and parameters for a tenant, a filter and an optional retention cut-off. */
function where(tenantId: string, filter: AuditFilter, notBefore?: Date): { sql: string; params: unknown[] } {
  const clauses = ['tenant_id = ?'];
  const params: unknown[] = [tenantId];
  const add = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const from = [filter.from, notBefore].filter((d): d is Date => Boolean(d)).sort((a, b) => b.getTime() - a.getTime())[0];
  if (from) add('occurred_at >= ?', from.toISOString());
  if (filter.to) add('occurred_at < ?', filter.to.toISOString());
  if (filter.types?.length) add(`type IN (${filter.types.map(() => '?').join(', ')})`, ...filter.types);
  if (filter.categories?.length) add(`category IN (${filter.categories.map(() => '?').join(', ')})`, ...filter.categories);
  if (filter.actorKind) add('actor_kind = ?', filter.actorKind);
  if (filter.actorId) add('actor_id = ?', filter.actorId);
  if (filter.username) add('username = ? COLLATE NOCASE', filter.username);
  if (filter.serviceId) add('service_id = ?', filter.serviceId);
  if (filter.outcome) add('outcome = ?', filter.outcome);
  if (filter.ip) add('ip = ?', filter.ip);
  if (filter.correlationId) add('correlation_id = ?', filter.correlationId);
  return { sql: clauses.join(' AND '), params };
}

/**
 * Reads of the audit read model. Cursors are event positions, which never change, so a page
 * stays stable while new events arrive. `notBefore` applies the tenant's retention.
 */
export function createAuditQueries(db: Database.Database) {
  const retention = db.prepare('SELECT audit_retention_days FROM tenants WHERE id = ?').pluck();
  const cutoff = (tenantId: string, now: Date): Date | undefined => {
    const days = retention.get(tenantId) as number | null | undefined;
    return days ? new Date(now.getTime() - days * 86_400_000) : undefined;
  };

  return {
    cutoff,
    /** A page newest first, strictly older than `before` (omit for the newest). */
    page(tenantId: string, limit: number, options: { before?: bigint; filter?: AuditFilter; now?: Date } = {}): AuditRow[] {
      const w = where(tenantId, options.filter ?? {}, cutoff(tenantId, options.now ?? new Date()));
      return db
        .prepare(`SELECT * FROM audit_events WHERE ${w.sql} AND position < ? ORDER BY position DESC LIMIT ?`)
        .safeIntegers(true)
        .all(...w.params, options.before ?? BigInt(Number.MAX_SAFE_INTEGER), limit) as AuditRow[];
    },
    /** Events strictly after `after`, oldest first: what a live subscription delivers next. */
    after(tenantId: string, after: bigint, limit: number, filter: AuditFilter = {}): AuditRow[] {
      const w = where(tenantId, filter);
      return db
        .prepare(`SELECT * FROM audit_events WHERE ${w.sql} AND position > ? ORDER BY position ASC LIMIT ?`)
        .safeIntegers(true)
        .all(...w.params, after, limit) as AuditRow[];
    },
    /**
     * Every matching row newest first, a page at a time (for exports of any size). Pages, not
     * one open cursor: better-sqlite3 allows no other statement on a connection while a
     * cursor is open, and the projections share it.
     */
    *iterate(tenantId: string, filter: AuditFilter, now = new Date()): Generator<AuditRow> {
      let before: bigint | undefined;
      for (;;) {
        const page = this.page(tenantId, 5_000, { before, filter, now });
        yield* page;
        if (page.length < 5_000) return;
        before = page[page.length - 1]!.position;
      }
    },
    newestPosition(tenantId: string): bigint {
      return db.prepare('SELECT COALESCE(MAX(position), 0) FROM audit_events WHERE tenant_id = ?').pluck().safeIntegers(true).get(tenantId) as bigint;
    },
  };
}

export type AuditQueries = ReturnType<typeof createAuditQueries>;
