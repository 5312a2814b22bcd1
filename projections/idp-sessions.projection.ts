import type { AuthenticationEvent } from '../api/domain/authentication';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/** Live IdP sessions: a later sign-in to another service in the same session skips the password. */
export const idpSessionsProjection: Projection = {
  name: 'idp_sessions',
  version: 1,
  tables: ['idp_sessions'],
  schema: `CREATE TABLE IF NOT EXISTS idp_sessions (
    session_key TEXT PRIMARY KEY,
    tenant_id TEXT NOT NULL,
    sign_in_id TEXT NOT NULL,
    username TEXT NOT NULL,
    directory_connector_id TEXT NOT NULL,
    profile TEXT NOT NULL,
    authn_instant TEXT NOT NULL,
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;`,
  eventTypes: ['IdpSessionStarted', 'IdpSessionEnded'],
  apply(db, recorded) {
    const event = recorded as unknown as AuthenticationEvent;
    if (event.type === 'IdpSessionStarted') {
      prepared(db, `INSERT OR REPLACE INTO idp_sessions (session_key, tenant_id, sign_in_id, username, directory_connector_id, profile, authn_instant, expires_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(event.data.sessionKey, recorded.metadata.tenantId, recorded.streamId, event.data.username, event.data.directoryConnectorId,
        JSON.stringify(event.data.profile), event.data.authnInstant, event.data.expiresAt);
    } else if (event.type === 'IdpSessionEnded') {
      prepared(db, 'DELETE FROM idp_sessions WHERE session_key = ?').run(event.data.sessionKey);
    }
  },
};
