import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import express, { type Request, type Response, type Router } from 'express';
import { escapeHtml as e, page } from '../http/html-page';
import { AUTHN_CONTEXT, issuerOf } from '../saml';
import type { ServiceContexts } from './service-context';
import { testSp } from './test-sp';

/**
 * The built-in test SP's assertion consumer: an independent SAML library (@node-saml/node-saml,
 * strict: both signatures, audience, timing) checks the Response against the service's
 * published certificate and Issuer, and the page says plainly whether the set-up works and
 * what an application would receive.
 */
export function createTestSpRouter(deps: { contexts: ServiceContexts; publicUrl: string; logger: { warn(d: object, m: string): void } }): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '512kb', parameterLimit: 5 });
  const send = (res: Response, status: number, html: string) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    res.status(status).type('html').send(html);
  };

  router.post('/test-sp/acs', form, async (req: Request, res: Response) => {
    const serviceId = typeof req.body?.RelayState === 'string' ? req.body.RelayState : '';
    const samlResponse = typeof req.body?.SAMLResponse === 'string' ? req.body.SAMLResponse : '';
    let ctx;
    try {
      ctx = deps.contexts.load(serviceId);
    } catch {
      return send(res, 400, page('Test failed', '<h1>Test failed</h1><div class="error" role="alert">This test answer names no known service; start the test again from the Services page.</div>'));
    }
    const sp = testSp(deps.publicUrl);
    const validator = new SAML({
      callbackUrl: sp.acsUrl, issuer: sp.entityId, audience: sp.entityId, idpIssuer: issuerOf(ctx.connector),
      idpCert: ctx.record.signing.current.certificatePem, wantAssertionsSigned: true, wantAuthnResponseSigned: true,
      validateInResponseTo: ValidateInResponseTo.never,
    });
    try {
      const { profile } = await validator.validatePostResponseAsync({ SAMLResponse: samlResponse });
      const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
      const context = /<saml:AuthnContextClassRef>([^<]+)</.exec(xml)?.[1] ?? 'unknown';
      const mfa = context !== AUTHN_CONTEXT.passwordProtectedTransport;
      const rows = [['User', profile?.nameID], ['Email', profile?.email], ['Display name', profile?.displayName], ['UPN', profile?.upn], ['Authentication context', context]]
        .map(([k, v]) => `<tr><th scope="row" style="text-align:left;padding:4px 12px 4px 0">${e(String(k))}</th><td>${e(String(v ?? '—'))}</td></tr>`)
        .join('');
      send(res, 200, page(`${ctx.serviceName} works`, `<h1>Your set-up works</h1>
<p class="sub">${e(ctx.serviceName)} signed ${e(String(profile?.nameID ?? 'the user'))} in ${mfa ? 'with the second factor' : 'with the password only (the second factor is off for this service)'}, and an independent SAML library accepted the signed answer.</p>
<table>${rows}</table><p class="note">Signed by the certificate with SHA-256 fingerprint ${e(ctx.signingKey.fingerprintSha256)}, as the service's metadata publishes. You can now point the application at Countersign.</p>`));
    } catch (error) {
      deps.logger.warn({ err: error, serviceId }, 'test sign-in answer was refused by the test SP');
      send(res, 400, page('Test failed', `<h1>Test failed</h1><div class="error" role="alert">The test service provider refused the answer: ${e((error as Error).message)}</div><p class="note">Check the service's SAML connector (Issuer, signing certificate) and try again.</p>`));
    }
  });
  return router;
}
