import express, { type Request, type Response, type Router } from 'express';
import { AppError, isAppError } from '../../errors';
import { clientIp, readCookie, userAgent } from '../../http/client-info';
import { redirectSeeOther, sendHtml } from '../../http/send-answer';
import { AUTO_POST_SCRIPT_CSP_HASH } from '../../saml';
import type { ChallengeFeed } from '../challenge-feed';
import type { ChallengeService } from '../challenge-service';
import { approvalPath, SIGN_IN_BINDING_COOKIE, type SecondFactor, type WaitStatus } from '../second-factor';
import { APPROVAL_PAGE_SCRIPT_CSP_HASH, renderApprovalPage, renderMessagePage } from './approval-page';
import type { PageTheme } from '../../http/page-theme';

/** What the SSO flow answers a browser with (the shape of `FlowResult` in api/sso). */
export type SignInPageResult = { kind: 'redirect'; location: string } | { kind: 'html'; status: number; html: string; postTo?: string };

export interface SignInApprovalRouterDeps {
  secondFactor: SecondFactor;
  challenges: ChallengeService;
  feed: ChallengeFeed;
  /**
   * The SSO flow's last step once the second factor passed: issue the signed Response
   * (`createSignInFlow(...).finishSecondFactor`). Called only for a browser bound to the sign-in.
   */
  finish(serviceId: string, signInId: string, client: { ip?: string; userAgent?: string }): Promise<SignInPageResult>;
  trustedProxies: number;
  logger: { error(details: object, message: string): void };
  now: () => Date;
  /** The organisation's default theme for the waiting page (Settings › Themes). */
  themeOf?: (tenantId: string) => PageTheme | null;
  /** Heartbeat interval of the wait stream (default 20 s). */
  heartbeatMs?: number;
}

const NOT_BOUND = 'This sign-in was started in another browser, or its page expired.';

/**
 * The browser side of the second factor under /saml/:serviceId/signin/:signInId: the
 * waiting page (`approve`), its Server-Sent Events stream (`wait`), and the actions
 * `continue`, `code` and `resend`. Every route requires the binding cookie that the redirect
 * to the waiting page set, so knowing a sign-in id is not enough to collect its Response.
 */
export function createSignInApprovalRouter(deps: SignInApprovalRouterDeps): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '4kb', parameterLimit: 5 });
  const heartbeatMs = deps.heartbeatMs ?? 20_000;
  const client = (req: Request) => ({ ip: clientIp(req, deps.trustedProxies), userAgent: userAgent(req) });

  const send = (res: Response, result: SignInPageResult) => {
    res.setHeader('cache-control', 'no-store');
    if (result.kind === 'redirect') return redirectSeeOther(res, result.location);
    const formAction = result.postTo ? `'self' ${new URL(result.postTo).origin}` : "'self'";
    res.setHeader('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; script-src ${AUTO_POST_SCRIPT_CSP_HASH}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`);
    sendHtml(res, result.status, result.html);
  };
  const sendPage = (res: Response, status: number, html: string) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; script-src ${APPROVAL_PAGE_SCRIPT_CSP_HASH}; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`);
    sendHtml(res, status, html);
  };

  /** The sign-in's status when this browser is bound to it and it belongs to this service; else null (a page was sent). */
  const bound = async (req: Request, res: Response): Promise<(WaitStatus & { tenantId: string; serviceId: string }) | null> => {
    const serviceId = String(req.params.serviceId);
    const signInId = String(req.params.signInId);
    if (!deps.secondFactor.isBound(readCookie(req, SIGN_IN_BINDING_COOKIE), signInId)) {
      sendPage(res, 403, renderMessagePage('Sign-in not found', NOT_BOUND, 'Go back to the application and sign in again.'));
      return null;
    }
    // The challenge the password step issued may still be on its way to the read models.
    await deps.challenges.caughtUp();
    const status = deps.secondFactor.status(signInId);
    if (!status.tenantId || status.serviceId !== serviceId) {
      sendPage(res, 404, renderMessagePage('Sign-in not found', 'This sign-in has ended or does not exist.', 'Go back to the application and sign in again.'));
      return null;
    }
    return status as WaitStatus & { tenantId: string; serviceId: string };
  };

  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.headersSent) return void res.end();
      if (isAppError(error) && error.expose) return sendPage(res, error.status, renderMessagePage('Sign-in could not continue', error.message, 'Go back to the application and sign in again.'));
      deps.logger.error({ err: error, path: req.path }, 'second factor endpoint failed');
      sendPage(res, 500, renderMessagePage('Sign-in could not continue', 'Something went wrong on our side; try again in a moment.'));
    }
  };

  router.get('/saml/:serviceId/signin/:signInId/approve', guarded(async (req, res) => {
    const status = await bound(req, res);
    if (status) sendPage(res, 200, renderApprovalPage({ serviceId: status.serviceId, signInId: String(req.params.signInId), status, theme: deps.themeOf?.(status.tenantId) }));
  }));

  // Server-Sent Events: the current status at once, then each change; ends after a final one.
  router.get('/saml/:serviceId/signin/:signInId/wait', (req, res) => {
    const signInId = String(req.params.signInId);
    if (!deps.secondFactor.isBound(readCookie(req, SIGN_IN_BINDING_COOKIE), signInId)) return void res.status(403).json({ error: { code: 'FORBIDDEN', message: NOT_BOUND } });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    let last = '';
    let closed = false;
    let expiry: NodeJS.Timeout | undefined;
    const emit = () => {
      if (closed) return;
      const { tenantId, serviceId: _s, ...status } = deps.secondFactor.status(signInId);
      const text = JSON.stringify(status);
      if (text !== last) {
        last = text;
        res.write(`event: status\ndata: ${text}\n\n`);
      }
      clearTimeout(expiry);
      if (status.state === 'PENDING' && status.expiresAt && status.challengeId && tenantId) {
        // The push worker records the expiry too; this timer makes the page say so on time.
        const challengeId = status.challengeId;
        expiry = setTimeout(() => {
          deps.challenges.expireIfDue(tenantId, challengeId).then(emit, () => emit());
        }, Math.max(0, Date.parse(status.expiresAt) - deps.now().getTime()) + 250);
      }
    };
    const unwatch = deps.feed.watchSignIn(signInId, emit);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
    req.on('close', () => {
      closed = true;
      unwatch();
      clearInterval(heartbeat);
      clearTimeout(expiry);
    });
    deps.challenges.caughtUp().then(emit, emit);
  });

  router.post('/saml/:serviceId/signin/:signInId/continue', form, guarded(async (req, res) => {
    const status = await bound(req, res);
    if (!status) return;
    send(res, await deps.finish(status.serviceId, String(req.params.signInId), client(req)));
  }));

  router.post('/saml/:serviceId/signin/:signInId/code', form, guarded(async (req, res) => {
    const status = await bound(req, res);
    if (!status) return;
    const signInId = String(req.params.signInId);
    const code = typeof req.body?.code === 'string' ? req.body.code.slice(0, 16) : '';
    const result = await deps.secondFactor.verifyCode(status.tenantId, signInId, code, client(req));
    if (!result.ok) return sendPage(res, 400, renderApprovalPage({ serviceId: status.serviceId, signInId, status, error: result.message, theme: deps.themeOf?.(status.tenantId) }));
    send(res, await deps.finish(status.serviceId, signInId, client(req)));
  }));

  router.post('/saml/:serviceId/signin/:signInId/resend', form, guarded(async (req, res) => {
    const status = await bound(req, res);
    if (!status) return;
    const signInId = String(req.params.signInId);
    const begun = await deps.secondFactor.resend(status.tenantId, signInId, client(req));
    if (begun.kind === 'unavailable') throw new AppError('BAD_USER_INPUT', 'None of your devices can be reached any more; ask your administrator for a new token pack.');
    send(res, { kind: 'redirect', location: approvalPath(status.serviceId, signInId) });
  }));

  router.use('/saml/:serviceId/signin/:signInId', (error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    sendPage(res, 400, renderMessagePage('Sign-in could not continue', tooLarge ? 'The form was too large.' : 'The form could not be read.'));
  });
  return router;
}
