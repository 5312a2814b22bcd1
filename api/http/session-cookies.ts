import type { ServerResponse } from 'node:http';

export const SESSION_COOKIE = 'cs_session';
export const CSRF_COOKIE = 'cs_csrf';

function serialize(name: string, value: string, opts: { httpOnly: boolean; secure: boolean; expires?: Date }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'SameSite=Strict',
    opts.httpOnly ? 'HttpOnly' : '',
    opts.secure ? 'Secure' : '',
    opts.expires ? `Expires=${opts.expires.toUTCString()}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The admin session cookie (HttpOnly: scripts cannot read it) and its CSRF companion
 * (readable, so the dashboard can echo it in the x-csrf-token header). Both SameSite=Strict;
 * Secure whenever the public URL is https.
 */
export function sessionCookieWriter(res: ServerResponse, secure: boolean) {
  const append = (cookie: string) => {
    const prior = res.getHeader('set-cookie');
    const list = Array.isArray(prior) ? prior : prior ? [String(prior)] : [];
    res.setHeader('set-cookie', [...list, cookie]);
  };
  return {
    setSession(token: string, csrfToken: string, expiresAt: Date) {
      append(serialize(SESSION_COOKIE, token, { httpOnly: true, secure, expires: expiresAt }));
      append(serialize(CSRF_COOKIE, csrfToken, { httpOnly: false, secure, expires: expiresAt }));
    },
    clearSession() {
      append(serialize(SESSION_COOKIE, '', { httpOnly: true, secure, expires: new Date(0) }));
      append(serialize(CSRF_COOKIE, '', { httpOnly: false, secure, expires: new Date(0) }));
    },
  };
}
