import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { RateLimiter, RateLimitPolicy } from '../../auth';
import type { ChallengeDecision } from '../../domain/device';
import { AppError, isAppError, validationError } from '../../errors';
import { clientIp, userAgent } from '../../http/client-info';
import { sendJson } from '../../http/send-answer';
import type { ChallengeService } from '../challenge-service';
import type { DeviceService } from '../device-service';
import type { EnrollmentService } from '../enrollment-service';

export interface MfaApiRouterDeps {
  enrollments: EnrollmentService;
  challenges: ChallengeService;
  devices: DeviceService;
  /** Counts refused requests per client address (bad links, codes, signatures). */
  limiter: RateLimiter;
  /** Refused requests one client address may make before it must wait; default 60 per 5 minutes. */
  failuresPerIp?: RateLimitPolicy;
  trustedProxies: number;
  logger: { error(details: object, message: string): void };
}

const DEFAULT_FAILURES_PER_IP: RateLimitPolicy = { limit: 60, windowSeconds: 300 };

/** A refusal of what the client sent, as opposed to our own failure or a limit already counted. */
const countsAsRefusal = (error: unknown) => isAppError(error) && error.status >= 400 && error.status < 500 && error.code !== 'RATE_LIMITED';

const DECISIONS: readonly ChallengeDecision[] = ['approve', 'deny', 'report-fraud'];

/**
 * The authenticator's HTTP API (JSON; errors as `{error: {code, message}}`):
 * - `POST /api/enroll` {link} → {enrollmentId, enrollmentKey, …}
 * - `POST /api/enroll/:id/sign-in` {username, password}, header `Authorization: Enrollment <enrollmentKey>`
 * - `POST /api/enroll/:id/activate` {code, publicKeyJwk, deviceName}, same header → {deviceId, totp, …}
 * - `POST /api/challenges/:id/answer` {deviceId, decision, number, signature}
 * - `GET /api/devices` and `POST /api/devices/:id/revoke`, signed with the device key
 *   (header `Countersign-Device: <deviceId>.<timestamp ms>.<signature>`).
 */
export function createMfaApiRouter(deps: MfaApiRouterDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '16kb' });
  const client = (req: Request) => ({ ip: clientIp(req, deps.trustedProxies), userAgent: userAgent(req) });
  const str = (body: Record<string, unknown>, field: string, max = 4096): string => {
    const value = body[field];
    if (typeof value !== 'string' || !value) throw validationError({ [field]: `send ${field} as a non-empty string` });
    if (value.length > max) throw validationError({ [field]: `${field} is too long` });
    return value;
  };
  const enrollmentKey = (req: Request): string => {
    const header = req.headers.authorization ?? '';
    const match = /^Enrollment\s+([A-Za-z0-9_-]{20,100})$/.exec(header);
    if (!match) throw new AppError('UNAUTHENTICATED', 'Send the enrollment key you got when the enrollment started (Authorization: Enrollment <key>).');
    return match[1]!;
  };
  const failuresPerIp = deps.failuresPerIp ?? DEFAULT_FAILURES_PER_IP;
  // Every refusal (a forged link, a guessed code, a bad signature) counts against the client
  // address, so nobody can grind through guesses; the directory sign-in has its own limits too.
  const route = (handler: (req: Request, res: Response) => Promise<unknown>) => async (req: Request, res: Response, next: NextFunction) => {
    const limitKey = `device-api-ip:${clientIp(req, deps.trustedProxies) ?? 'unknown'}`;
    try {
      res.setHeader('cache-control', 'no-store');
      const verdict = await deps.limiter.check(limitKey, failuresPerIp);
      if (!verdict.allowed) {
        throw new AppError('RATE_LIMITED', `Too many refused requests from your network. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds: verdict.retryAfterSeconds });
      }
      const body = await handler(req, res);
      if (!res.headersSent) sendJson(res, res.statusCode, body);
    } catch (error) {
      if (countsAsRefusal(error)) await deps.limiter.fail(limitKey, failuresPerIp).catch(() => undefined);
      next(error);
    }
  };
  const body = (req: Request) => (req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {});

  router.post('/api/enroll', json, route(async (req, res) => {
    res.status(201);
    return deps.enrollments.start(str(body(req), 'link'), client(req));
  }));

  router.post('/api/enroll/:id/sign-in', json, route(async (req) => {
    const b = body(req);
    return deps.enrollments.signIn(String(req.params.id), enrollmentKey(req), str(b, 'username', 256), str(b, 'password', 1024), client(req));
  }));

  router.post('/api/enroll/:id/activate', json, route(async (req) => {
    const b = body(req);
    return deps.enrollments.activate(String(req.params.id), enrollmentKey(req), { code: str(b, 'code', 200), publicKeyJwk: b.publicKeyJwk, deviceName: typeof b.deviceName === 'string' ? b.deviceName : '' }, client(req));
  }));

  router.post('/api/challenges/:id/answer', json, route(async (req) => {
    const b = body(req);
    const decision = b.decision as ChallengeDecision;
    if (!DECISIONS.includes(decision)) throw validationError({ decision: 'send "approve", "deny" or "report-fraud"' });
    const number = b.number ?? null;
    if (number !== null && (typeof number !== 'number' || !Number.isInteger(number))) throw validationError({ number: 'send the chosen number as an integer, or null' });
    const status = await deps.challenges.answer(String(req.params.id), { deviceId: str(b, 'deviceId', 64), decision, number, signature: str(b, 'signature', 200) }, client(req));
    return { status };
  }));

  router.get('/api/devices', route(async (req) => {
    const { tenantId, device } = await deps.devices.authenticateRequest(req.get('countersign-device'), 'GET', req.originalUrl.split('?')[0]!);
    return { devices: deps.devices.listOfUser(tenantId, device.userKey) };
  }));

  router.post('/api/devices/:id/revoke', json, route(async (req) => {
    const { tenantId, device } = await deps.devices.authenticateRequest(req.get('countersign-device'), 'POST', req.originalUrl.split('?')[0]!);
    const reason = typeof body(req).reason === 'string' ? (body(req).reason as string) : 'Revoked by the user from another device.';
    await deps.devices.revokeByDevice(device, tenantId, String(req.params.id), reason, client(req));
    return { status: 'REVOKED' };
  }));

  router.use(['/api/enroll', '/api/challenges', '/api/devices'], (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (isAppError(error) && error.expose) {
      if (error.code === 'RATE_LIMITED' && typeof error.details?.retryAfterSeconds === 'number') res.setHeader('retry-after', String(error.details.retryAfterSeconds));
      return void res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.details?.fields ? { fields: error.details.fields } : {}) } });
    }
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status < 500) return void res.status(status).json({ error: { code: 'BAD_USER_INPUT', message: 'The request could not be read; send JSON.' } });
    deps.logger.error({ err: error, path: req.path }, 'authenticator API failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
  });
  return router;
}
