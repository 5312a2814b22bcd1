import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { RateLimiter, RateLimitPolicy } from '../../auth';
import type { CommandBus } from '../../commands';
import type { Sealer } from '../../crypto';
import { AppError, isAppError } from '../../errors';
import { clientIp, userAgent } from '../../http/client-info';
import type { DeviceService } from '../device-service';
import { createPushChannelService } from '../push-channel-service';

export interface PushChannelRouterDeps {
  devices: DeviceService;
  execute: CommandBus;
  sealer: Sealer;
  /** The deployment's VAPID public key (`loadOrCreateVapidKeys`). */
  vapidPublicKey: string;
  /** `isLoopbackUrl(config.publicUrl)`: accept push services on this machine (development, tests). */
  allowLoopback: boolean;
  /** Counts refused device requests per client address, with the rest of the authenticator API. */
  limiter?: RateLimiter;
  trustedProxies: number;
  logger: { error(details: object, message: string): void };
}

/** The authenticator API's budget of refused requests per client address (key `device-api-ip:<ip>`). */
const FAILURES_PER_IP: RateLimitPolicy = { limit: 60, windowSeconds: 300 };

export const PUSH_CHANNEL_PATH = '/api/devices/push-channel';
export const VAPID_PUBLIC_KEY_PATH = '/api/push/vapid-public-key';

/**
 * Web Push for the authenticator (JSON; errors as `{error: {code, message, fields?}}`):
 * - `GET /api/push/vapid-public-key` → `{publicKey}`: the `applicationServerKey` to subscribe with.
 * - `POST /api/devices/push-channel` `{subscription: PushSubscription JSON}` → `{channel: "webpush", status: "REGISTERED"}`
 * - `DELETE /api/devices/push-channel` → `{channel: "webpush", status: "REMOVED"}`
 * The last two are signed with the device key like `GET /api/devices` (header `Countersign-Device`).
 */
export function createPushChannelRouter(deps: PushChannelRouterDeps): Router {
  const router = express.Router();
  const json = express.json({ limit: '8kb' });
  const pushChannels = createPushChannelService({ execute: deps.execute, sealer: deps.sealer, allowLoopback: deps.allowLoopback });
  const client = (req: Request) => ({ ip: clientIp(req, deps.trustedProxies), userAgent: userAgent(req) });
  const signedBy = (req: Request) => deps.devices.authenticateRequest(req.get('countersign-device'), req.method, req.originalUrl.split('?')[0]!);
  const route = (handler: (req: Request) => Promise<object>) => async (req: Request, res: Response, next: NextFunction) => {
    const limitKey = `device-api-ip:${clientIp(req, deps.trustedProxies) ?? 'unknown'}`;
    try {
      res.setHeader('cache-control', 'no-store');
      const verdict = deps.limiter ? await deps.limiter.check(limitKey, FAILURES_PER_IP) : { allowed: true as const };
      if (!verdict.allowed) {
        throw new AppError('RATE_LIMITED', `Too many refused requests from your network. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds: verdict.retryAfterSeconds });
      }
      res.json(await handler(req));
    } catch (error) {
      if (deps.limiter && isAppError(error) && error.status < 500 && error.code !== 'RATE_LIMITED') await deps.limiter.fail(limitKey, FAILURES_PER_IP).catch(() => undefined);
      next(error);
    }
  };

  router.get(VAPID_PUBLIC_KEY_PATH, (_req, res) => {
    res.setHeader('cache-control', 'public, max-age=300');
    res.json({ publicKey: deps.vapidPublicKey });
  });

  router.post(PUSH_CHANNEL_PATH, json, route(async (req) => {
    const { tenantId, device } = await signedBy(req);
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    await pushChannels.registerWebPush(device, tenantId, body.subscription, client(req));
    return { channel: 'webpush', status: 'REGISTERED' };
  }));

  router.delete(PUSH_CHANNEL_PATH, route(async (req) => {
    const { tenantId, device } = await signedBy(req);
    await pushChannels.unregisterWebPush(device, tenantId, client(req));
    return { channel: 'webpush', status: 'REMOVED' };
  }));

  router.use([PUSH_CHANNEL_PATH, VAPID_PUBLIC_KEY_PATH], (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    if (isAppError(error) && error.expose) {
      if (error.code === 'RATE_LIMITED' && typeof error.details?.retryAfterSeconds === 'number') res.setHeader('retry-after', String(error.details.retryAfterSeconds));
      return void res.status(error.status).json({ error: { code: error.code, message: error.message, ...(error.details?.fields ? { fields: error.details.fields } : {}) } });
    }
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status < 500) {
      return void res.status(status).json({ error: { code: 'BAD_USER_INPUT', message: 'The request could not be read; send JSON ({"subscription": …}) with Content-Type: application/json.' } });
    }
    deps.logger.error({ err: error, path: req.path }, 'push channel API failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } });
  });
  return router;
}
