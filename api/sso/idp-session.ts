import type Database from 'better-sqlite3';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomToken, tokenHash } from '../auth';
import type { DirectoryUserProfile } from '../directory/directory';
import { readCookie } from '../http/client-info';

export const IDP_SESSION_COOKIE = 'cs_idp';

export interface IdpSession {
  sessionKey: string;
  signInStreamId: string;
  tenantId: string;
  username: string;
  directoryConnectorId: string;
  profile: DirectoryUserProfile;
  authnInstant: Date;
}

/**
 * The IdP session: an HttpOnly cookie holding a 256-bit random token; only its hash is
 * recorded (IdpSessionStarted) and looked up. SAML requests arrive by cross-site POST, so
 * over https the cookie is SameSite=None; Secure (otherwise the browser would not send it);
 * over plain http (development) it falls back to SameSite=Lax.
 */
export function createIdpSessions(deps: { readDb: Database.Database; secure: boolean; now: () => Date }) {
  const byKey = deps.readDb.prepare('SELECT * FROM idp_sessions WHERE session_key = ?');
  const attributes = deps.secure ? 'Path=/; HttpOnly; SameSite=None; Secure' : 'Path=/; HttpOnly; SameSite=Lax';
  return {
    newSession(hours: number) {
      const token = randomToken();
      return { token, sessionKey: tokenHash(token), expiresAt: new Date(deps.now().getTime() + hours * 3_600_000) };
    },
    setCookie(res: ServerResponse, token: string, expiresAt: Date) {
      res.appendHeader('set-cookie', `${IDP_SESSION_COOKIE}=${token}; ${attributes}; Expires=${expiresAt.toUTCString()}`);
    },
    clearCookie(res: ServerResponse) {
      res.appendHeader('set-cookie', `${IDP_SESSION_COOKIE}=; ${attributes}; Expires=${new Date(0).toUTCString()}`);
    },
    /** The live session behind the request's cookie, if any. */
    current(req: IncomingMessage): IdpSession | null {
      const token = readCookie(req, IDP_SESSION_COOKIE);
      if (!token) return null;
      const row = byKey.get(tokenHash(token)) as
        | { session_key: string; sign_in_id: string; tenant_id: string; username: string; directory_connector_id: string; profile: string; authn_instant: string; expires_at: string }
        | undefined;
      if (!row || Date.parse(row.expires_at) <= deps.now().getTime()) return null;
      return {
        sessionKey: row.session_key,
        signInStreamId: row.sign_in_id,
        tenantId: row.tenant_id,
        username: row.username,
        directoryConnectorId: row.directory_connector_id,
        profile: JSON.parse(row.profile),
        authnInstant: new Date(row.authn_instant),
      };
    },
  };
}

export type IdpSessions = ReturnType<typeof createIdpSessions>;
