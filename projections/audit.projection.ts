import { prepared } from './internal/prepared';
import type { Projection } from './projection';
import { categoryOf, describeEvent } from './internal/describe-event';
import { redact } from './internal/redact';

/**
 * Every event of every tenant, secrets redacted, newest-first queries by position. This is
 * the audit history; it takes all event types.
 */
export const auditProjection: Projection = {
  name: 'audit',
  version: 1,
  tables: ['audit_events'],
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
    user_agent TEXT
  );
  CREATE INDEX IF NOT EXISTS audit_events_tenant ON audit_events (tenant_id, position DESC);`,
  apply(db, e) {
    prepared(db, 
      `INSERT OR IGNORE INTO audit_events (position, event_id, tenant_id, stream_id, type, category, actor_kind, actor_id,
        occurred_at, summary, data, correlation_id, causation_id, ip, user_agent)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      JSON.stringify(redact(e.data)),
      e.metadata.correlationId,
      e.metadata.causationId,
      e.metadata.ip ?? null,
      e.metadata.userAgent ?? null,
    );
  },
};
