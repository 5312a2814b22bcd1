import { prepared } from './internal/prepared';
import type { Projection } from './projection';
import { categoryOf, describeEvent } from './internal/describe-event';
import { redactedJson } from './internal/redact';
import { auditFacets, carriesFacets } from './internal/audit-facets';

/**
 * Every event of every tenant, secrets redacted, newest-first queries by position. This is
 * the audit history; it takes all event types.
 */
export const auditProjection: Projection = {
  name: 'audit',
  version: 3,
  tables: ['audit_events', 'audit_streams'],
  schema: `CREATE TABLE IF NOT EXISTS audit_events (
    position INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,
    tenant_id TEXT NOT NULL,
    stream_id TEXT NOT NULL,
    type TEXT NOT NULL,
    category TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    summary TEXT NOT NULL,
    data TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    causation_id TEXT NOT NULL,
    ip TEXT,
    user_agent TEXT,
    username TEXT,
    service_id TEXT,
    outcome TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_events_tenant ON audit_events (tenant_id, position DESC);
  CREATE INDEX IF NOT EXISTS audit_events_correlation ON audit_events (tenant_id, correlation_id);
  CREATE TABLE IF NOT EXISTS audit_streams (
    stream_id TEXT PRIMARY KEY,
    username TEXT,
    service_id TEXT
  ) WITHOUT ROWID;`,
  apply(db, e) {
    // audit_streams only serves streams whose facets carry forward: skip the lookup elsewhere.
    const carries = carriesFacets(e.streamId);
    const known = carries
      ? (prepared(db, 'SELECT username, service_id AS serviceId FROM audit_streams WHERE stream_id = ?').get(e.streamId) as
          | { username: string | null; serviceId: string | null }
          | undefined)
      : undefined;
    const facets = auditFacets(e, known);
    if (carries && (facets.username !== (known?.username ?? null) || facets.serviceId !== (known?.serviceId ?? null))) {
      prepared(db, 'INSERT OR REPLACE INTO audit_streams (stream_id, username, service_id) VALUES (?, ?, ?)').run(e.streamId, facets.username, facets.serviceId);
    }
    prepared(
      db,
      `INSERT OR IGNORE INTO audit_events (position, event_id, tenant_id, stream_id, type, category, actor_kind, actor_id,
        occurred_at, summary, data, correlation_id, causation_id, ip, user_agent, username, service_id, outcome)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      e.position,
      e.eventId,
      e.metadata.tenantId,
      e.streamId,
      e.type,
      categoryOf(e.streamId),
      e.metadata.actor.kind,
      e.metadata.actor.id,
      e.metadata.timestamp,
      describeEvent(e),
      redactedJson(e.data),
      e.metadata.correlationId,
      e.metadata.causationId,
      e.metadata.ip ?? null,
      e.metadata.userAgent ?? null,
      facets.username,
      facets.serviceId,
      facets.outcome,
    );
  },
};
