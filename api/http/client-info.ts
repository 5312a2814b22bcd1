import type { IncomingMessage } from 'node:http';

/**
 * The client IP: the socket peer, or, behind `trustedProxies` reverse proxies, the address
 * those proxies recorded in X-Forwarded-For (counting from the right, so a client cannot
 * spoof it by sending the header itself).
 */
export function clientIp(req: IncomingMessage, trustedProxies: number): string | undefined {
  const peer = req.socket.remoteAddress?.replace(/^::ffff:/, '');
  if (trustedProxies === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - trustedProxies] ?? chain[0] ?? peer;
}

export function userAgent(req: IncomingMessage): string | undefined {
  const ua = req.headers['user-agent'];
  return ua ? ua.slice(0, 300) : undefined;
}

/** Reads one cookie from the Cookie header. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}
