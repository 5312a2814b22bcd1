import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { AppServices } from '../app-services';
import { isAppError } from '../errors';
import { clientIp, userAgent } from '../http/client-info';
import { escapeHtml as e, page } from '../http/html-page';
import type { PageTheme } from '../http/page-theme';

function form(action: string, token: string, theme: PageTheme | null, error?: string): string {
  return page(
    'Choose your password',
    `<h1>Choose your password</h1><p class="sub">At least 10 characters. Use a passphrase you do not use anywhere else.</p>
${error ? `<div class="error" role="alert">${e(error)}</div>` : ''}
<form method="post" action="${e(action)}"><input type="hidden" name="t" value="${e(token)}">
<label for="password">New password</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="10" required autofocus>
<label for="confirm">Type it again</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" minlength="10" required>
<button type="submit">Set password</button></form>`,
    theme,
  );
}

/**
 * The page a built-in directory user reaches from an emailed password link: a form, then the
 * password is set if the link is still current, unused and unexpired. No script.
 */
export function createPasswordLinkRouter(services: AppServices): Router {
  const router = express.Router();
  const body = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 5 });
  const send = (res: Response, status: number, html: string) => {
    res.setHeader('cache-control', 'no-store');
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    res.status(status).type('html').send(html);
  };
  // The organisation's default theme (Settings › Themes); an unknown organisation gets the shipped look.
  const themeOf = (req: Request): PageTheme | null => services.themes.pageThemeOf(String(req.params.tenantId));

  router.get('/password/:tenantId/:userId', (req: Request, res: Response) => {
    const token = typeof req.query.t === 'string' ? req.query.t : '';
    send(res, 200, form(req.originalUrl.split('?')[0]!, token, themeOf(req)));
  });

  router.post('/password/:tenantId/:userId', body, async (req: Request, res: Response) => {
    const action = req.originalUrl.split('?')[0]!;
    const token = typeof req.body?.t === 'string' ? req.body.t : '';
    const password = typeof req.body?.password === 'string' ? req.body.password : '';
    const theme = themeOf(req);
    if (password !== req.body?.confirm) return send(res, 400, form(action, token, theme, 'The two passwords are not the same; type them again.'));
    const ip = clientIp(req, services.config.COUNTERSIGN_TRUSTED_PROXIES);
    const ua = userAgent(req);
    try {
      await services.builtInUsers.setPasswordWithLink(String(req.params.userId), token, password, {
        tenantId: String(req.params.tenantId), actor: { kind: 'user', id: String(req.params.userId) }, correlationId: randomUUID(), causationId: randomUUID(),
        ...(ip ? { ip } : {}), ...(ua ? { userAgent: ua } : {}),
      });
      send(res, 200, page('Password set', '<h1>Your password is set</h1><p class="sub">You can close this window and sign in with your new password.</p>', theme));
    } catch (error) {
      if (!isAppError(error) || !error.expose) {
        services.logger.error({ err: error }, 'setting a password from a link failed');
        return send(res, 500, form(action, token, theme, 'Something went wrong on our side; try again in a moment.'));
      }
      const fields = (error.details?.fields ?? {}) as Record<string, string>;
      const message = fields.password ? `Use a longer password: ${fields.password}.` : error.code === 'NOT_FOUND' ? 'This link is not valid; ask your administrator for a new one.' : error.message;
      send(res, error.status, form(action, token, theme, message));
    }
  });
  return router;
}
