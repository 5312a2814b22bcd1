import type { ServerResponse } from 'node:http';

/**
 * Sends a whole answer in one write, keeping the headers set before it (security headers,
 * cookies). Express's `res.send` / `res.json` / `res.redirect` add content negotiation, type
 * lookups and a buffer copy per answer; on the sign-in path, six answers a sign-in, that
 * was a measurable share of the server's work.
 */
export function sendAnswer(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export const sendHtml = (res: ServerResponse, status: number, html: string) => sendAnswer(res, status, 'text/html; charset=utf-8', html);

export const sendJson = (res: ServerResponse, status: number, value: unknown) => sendAnswer(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** 303 See Other: the browser GETs `location` next. */
export function redirectSeeOther(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}
