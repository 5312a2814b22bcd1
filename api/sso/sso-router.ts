import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { authenticationDecider } from '../domain/authentication';
import type { CommandHandler } from '../commands';
import { AppError, isAppError } from '../errors';
import { clientIp, userAgent } from '../http/client-info';
import { redirectSeeOther, sendHtml } from '../http/send-answer';
import type { Logger } from '../logger';
import { AUTO_POST_SCRIPT_CSP_HASH } from '../saml';
import { serviceMetadataXml } from '../saml-config';
import type { FlowResult } from './complete-sign-in';
import type { IdpSessions } from './idp-session';
import type { ServiceContexts } from './service-context';
import { errorResult, type Client, type SignInFlow } from './sign-in-flow';
import { renderSignedOutPage } from './sign-in-pages';

export interface SsoRouterDeps {
  flow: SignInFlow;
  contexts: ServiceContexts;
  idpSessions: IdpSessions;
  handle: CommandHandler;
  publicUrl: string;
  trustedProxies: number;
  logger: Logger;
}

/**
 * The IdP's HTTP endpoints under /saml/:serviceId: metadata, single sign-on (HTTP-POST and
 * HTTP-Redirect bindings), the password page, and single logout. Bad input always ends on a
 * plain error page, never a stack trace.
 */
export function createSsoRouter(deps: SsoRouterDeps): Router {
  const router = express.Router();
  // A SAMLRequest by POST is small; refuse anything large before reading it.
  const form = express.urlencoded({ extended: false, limit: '256kb', parameterLimit: 10 });

  const client = (req: Request): Client => ({
    ip: clientIp(req, deps.trustedProxies),
    userAgent: userAgent(req),
    session: deps.idpSessions.current(req),
  });

  const send = (res: Response, result: FlowResult) => {
    res.setHeader('cache-control', 'no-store');
    if (result.kind === 'redirect') {
      if (result.setCookie) res.appendHeader('set-cookie', result.setCookie);
      if (result.idpSession) deps.idpSessions.setCookie(res, result.idpSession.token, result.idpSession.expiresAt);
      redirectSeeOther(res, result.location);
      return;
    }
    const formAction = result.postTo ? `'self' ${new URL(result.postTo).origin}` : "'self'";
    res.setHeader('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; script-src ${AUTO_POST_SCRIPT_CSP_HASH}; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`);
    if (result.idpSession) deps.idpSessions.setCookie(res, result.idpSession.token, result.idpSession.expiresAt);
    sendHtml(res, result.status, result.html);
  };

  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (isAppError(error) && error.expose) return send(res, errorResult(error));
      deps.logger.error({ err: error, path: req.path }, 'SAML endpoint failed');
      send(res, errorResult(new AppError('INTERNAL', 'Something went wrong on our side; try again in a moment.')));
    }
  };

  const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

  router.get('/saml/:serviceId/metadata', guarded(async (req, res) => {
    const ctx = deps.contexts.load(String(req.params.serviceId));
    res.type('application/samlmetadata+xml').send(serviceMetadataXml(deps.publicUrl, ctx.serviceId, ctx.record));
  }));

  router.get('/saml/:serviceId/sso', guarded(async (req, res) => {
    const samlRequest = str(req.query.SAMLRequest);
    if (!samlRequest) throw new AppError('SAML_REQUEST_INVALID', 'This address expects a sign-in request from an application (SAMLRequest is missing).');
    const rawQuery = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    send(res, await deps.flow.receive(String(req.params.serviceId), {
      binding: 'redirect', samlRequest, relayState: str(req.query.RelayState), sigAlg: str(req.query.SigAlg), signature: str(req.query.Signature), rawQuery,
    }, client(req)));
  }));

  router.post('/saml/:serviceId/sso', form, guarded(async (req, res) => {
    const samlRequest = str(req.body?.SAMLRequest);
    if (!samlRequest) throw new AppError('SAML_REQUEST_INVALID', 'This address expects a sign-in request from an application (SAMLRequest is missing).');
    send(res, await deps.flow.receive(String(req.params.serviceId), { binding: 'post', samlRequest, relayState: str(req.body?.RelayState) }, client(req)));
  }));

  router.get('/saml/:serviceId/test', guarded(async (req, res) => {
    send(res, await deps.flow.startTest(String(req.params.serviceId), client(req)));
  }));

  router.get('/saml/:serviceId/signin/:signInId', guarded(async (req, res) => {
    send(res, await deps.flow.showPasswordPage(String(req.params.serviceId), String(req.params.signInId)));
  }));

  router.post('/saml/:serviceId/signin/:signInId', form, guarded(async (req, res) => {
    const username = str(req.body?.username) ?? '';
    const password = str(req.body?.password) ?? '';
    send(res, await deps.flow.submitPassword(String(req.params.serviceId), String(req.params.signInId), username, password, client(req)));
  }));

  const logout = guarded(async (req, res) => {
    const session = deps.idpSessions.current(req);
    if (session) {
      await deps.handle(authenticationDecider, session.signInStreamId, { type: 'EndIdpSession', sessionKey: session.sessionKey }, {
        tenantId: session.tenantId, actor: { kind: 'user', id: session.username }, correlationId: randomUUID(), causationId: randomUUID(),
        ...(clientIp(req, deps.trustedProxies) ? { ip: clientIp(req, deps.trustedProxies) } : {}),
      });
    }
    deps.idpSessions.clearCookie(res);
    res.setHeader('cache-control', 'no-store');
    res.type('html').send(renderSignedOutPage());
  });
  router.get('/saml/:serviceId/slo', logout);
  router.post('/saml/:serviceId/slo', form, logout);

  // Oversized or unreadable form bodies end on the same kind of page.
  router.use('/saml', (error: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    send(res, errorResult(new AppError(tooLarge ? 'SAML_REQUEST_TOO_LARGE' : 'SAML_REQUEST_INVALID')));
  });
  return router;
}
