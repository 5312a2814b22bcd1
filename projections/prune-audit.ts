import type Database from 'better-sqlite3';

/**
 * Drops audit rows older than each tenant's retention from the read model. The event store
 * is not touched; a rebuild brings the rows back and the next prune removes them again.
 */
export function pruneAudit(db: Database.Database, now: Date): number {
  const tenants = db.prepare('SELECT id, audit_retention_days AS days FROM tenants WHERE audit_retention_days IS NOT NULL').all() as Array<{ id: string; days: number }>;
  let removed = 0;
  for (const t of tenants) {
    const cutoff = new Date(now.getTime() - t.days * 86_400_000).toISOString();
    removed += db.prepare('DELETE FROM audit_events WHERE tenant_id = ? AND occurred_at < ?').run(t.id, cutoff).changes;
  }
  return removed;
}
