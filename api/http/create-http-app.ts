import { existsSync } from 'node:fs';
import { IncomingMessage, ServerResponse, type ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { AppServices } from '../app-services';
import { isAppError } from '../errors';

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * The HTTP app without its GraphQL mount: security headers, health, readiness, metrics, and
 * the built dashboard with a fallback to index.html for client-side routes.
 */
export function createHttpApp(services: AppServices, readiness: () => Promise<{ ready: boolean; checks: Record<string, string> }>): Express {
  const app = express();
  app.disable('x-powered-by');
  // Pages and API answers are never the same twice (ids, numbers, tokens): hashing each one
  // for an ETag cost CPU on every request for no 304 ever. Static files keep theirs.
  app.set('etag', false);
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (services.config.publicUrl.startsWith('https:')) res.setHeader('strict-transport-security', 'max-age=31536000');
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const route = routeKind(req.method, req.path);
      services.metrics.httpRequests.inc({ route, status: `${Math.floor(res.statusCode / 100)}xx` });
      services.metrics.httpDuration.observe({ route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const result = await readiness();
    res.status(result.ready ? 200 : 503).json({ status: result.ready ? 'ready' : 'not ready', checks: result.checks });
  });
  app.get('/metrics', async (_req, res) => {
    res.setHeader('content-type', services.metrics.registry.contentType);
    res.send(await services.metrics.registry.metrics());
  });
  return app;
}

/**
 * Options for `http.createServer` under an Express app: requests and responses are created
 * with the app's own prototypes. Express points the prototype of every request and response
 * at its own (`setPrototypeOf`); on objects of Node's classes that changed their hidden class
 * on every request and sent V8's property caches into their slow paths wherever the objects
 * were used, about half of what Express cost per request (0.21 → 0.11 ms of CPU in a
 * microbenchmark). With these, Express finds the prototype already in place and changes nothing.
 */
export function expressServerOptions(app: Express): ServerOptions {
  function Request(this: IncomingMessage, socket: Socket) {
    IncomingMessage.call(this, socket);
  }
  Request.prototype = app.request;
  function Response(this: ServerResponse, req: IncomingMessage, options?: object) {
    (ServerResponse as unknown as (this: ServerResponse, req: IncomingMessage, options?: object) => void).call(this, req, options);
  }
  Response.prototype = app.response;
  return { IncomingMessage: Request as unknown as typeof IncomingMessage, ServerResponse: Response as unknown as typeof ServerResponse };
}

/** Serves the built dashboard; call after every API route is mounted. */
export function mountWebApp(app: Express, webDist: string, services: AppServices): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    services.logger.warn({ webDist }, 'the web bundle is missing; run `npm run build:web` (npm start does it for you)');
  } else {
    // The web authenticator (its own HTML entry), also at the path token pack emails link to.
    app.get(['/authenticator', '/authenticator/', '/enroll/:tenantId/:tokenPackId'], (_req, res) => void res.setHeader('cache-control', 'no-cache').sendFile(join(webDist, 'authenticator.html')));
    app.use(express.static(webDist, { index: false, maxAge: '1h', setHeaders: noCacheForHtml }));
    app.get(/^\/(?!graphql|healthz|readyz|metrics|saml\/|test-sp\/|api\/|password\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  }
  app.use((req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: `Nothing at ${req.method} ${req.path}.` } });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (isAppError(error) && error.expose) {
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
    if (status >= 500) services.logger.error({ err: error }, 'unhandled HTTP error');
    res.status(status).json({
      error: { code: status === 413 ? 'BAD_USER_INPUT' : status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL', message: status < 500 ? 'The request could not be read; check its format and size.' : 'Something went wrong on our side.' },
    });
  });
}

function noCacheForHtml(res: Response, path: string) {
  if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
}

/**
 * The route label of the HTTP metrics: one per step of a sign-in, so the server-side latency
 * of each step can be read from /metrics (`npm run bench:login` does), and a few broad kinds
 * for the rest. A fixed set, whatever the path holds.
 */
export function routeKind(method: string, path: string): string {
  if (path.startsWith('/graphql')) return 'graphql';
  if (path === '/healthz' || path === '/readyz' || path === '/metrics') return 'ops';
  const saml = /^\/saml\/[^/]+\/(sso|metadata|slo|signin\/[^/]+(?:\/(approve|wait|continue|code|resend))?)$/.exec(path);
  if (saml) {
    if (saml[2]) return `signin-${saml[2]}`;
    if (saml[1]!.startsWith('signin/')) return method === 'POST' ? 'signin-password' : 'signin-page';
    return `saml-${saml[1]}`;
  }
  if (path.startsWith('/saml')) return 'saml-other';
  if (/^\/api\/challenges\/[^/]+\/answer$/.test(path)) return 'device-answer';
  if (path.startsWith('/api/')) return 'device-api';
  return 'web';
}
