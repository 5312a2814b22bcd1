import { prepared } from './internal/prepared';
import type { TenantEvent } from '../api/domain/tenant';
import type { Projection } from './projection';

/** Integrator API keys: hashed secret, scopes, revocation. */
export const apiKeysProjection: Projection = {
  name: 'api_keys',
  version: 1,
  tables: ['api_keys'],
  schema: `CREATE TABLE IF NOT EXISTS api_keys (
    key_id TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT
  ) WITHOUT ROWID;`,
  eventTypes: ['ApiKeyIssued', 'ApiKeyRevoked'],
  apply(db, recorded) {
    const event = recorded as unknown as TenantEvent;
    if (event.type === 'ApiKeyIssued') {
      prepared(db, 
        'INSERT INTO api_keys (key_id, tenant_id, name, scopes, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        event.data.keyId,
        recorded.metadata.tenantId,
        event.data.name,
        JSON.stringify(event.data.scopes),
        event.data.secretHash,
        recorded.metadata.timestamp,
        `${recorded.metadata.actor.kind}:${recorded.metadata.actor.id}`,
      );
    } else if (event.type === 'ApiKeyRevoked') {
      prepared(db, 'UPDATE api_keys SET revoked_at = ? WHERE key_id = ?').run(recorded.metadata.timestamp, event.data.keyId);
    }
  },
};
