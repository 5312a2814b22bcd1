import type { IncomingMessage } from 'node:http';
import type { AppServices } from '../app-services';
import { safeEqual, type Principal } from '../auth';
import { AppError } from '../errors';
import { readCookie } from './client-info';
import { SESSION_COOKIE } from './session-cookies';

/**
 * Who is calling: an API key from `Authorization: Bearer`, or an admin from the session
 * cookie. A cookie-authenticated HTTP request must carry the session's CSRF token in
 * x-csrf-token (cookies ride along on cross-site requests; custom headers do not).
 */
export function resolvePrincipal(
  services: AppServices,
  req: IncomingMessage,
  transport: { kind: 'http' } | { kind: 'ws'; authorization?: string },
): Principal | null {
  const authorization = transport.kind === 'ws' ? transport.authorization : req.headers.authorization;
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const principal = bearer ? services.apiKeys.fromBearer(bearer) : null;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'The API key is not valid or was revoked.');
    return principal;
  }
  const token = readCookie(req, SESSION_COOKIE);
  if (!token) return null;
  const principal = services.adminSessions.fromToken(token);
  if (!principal) return null;
  if (transport.kind === 'http') {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, services.adminSessions.csrfTokenFor(token))) {
      throw new AppError('CSRF_FAILED');
    }
  } else if (!sameOrigin(req, services.config.publicUrl)) {
    throw new AppError('CSRF_FAILED', 'WebSocket connections with a session cookie must come from the dashboard origin.');
  }
  return principal;
}

function sameOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  return Boolean(host) && (origin === `http://${host}` || origin === `https://${host}`);
}
