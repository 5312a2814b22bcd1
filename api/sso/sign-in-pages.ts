import { escapeHtml as e, page } from '../http/html-page';
import type { PageTheme } from '../http/page-theme';

/** The username and password form of one sign-in (no script, no bundle), in the organisation's default theme. */
export function renderSignInPage(input: { signInId: string; serviceId: string; serviceName: string; username?: string; error?: string; theme?: PageTheme | null }): string {
  return page(
    `Sign in to ${input.serviceName}`,
    `<h1>Sign in</h1><p class="sub">to continue to ${e(input.serviceName)}</p>
${input.error ? `<div class="error" role="alert">${e(input.error)}</div>` : ''}
<form method="post" action="/saml/${e(input.serviceId)}/signin/${e(input.signInId)}" autocomplete="on">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" required value="${e(input.username ?? '')}" ${input.username ? '' : 'autofocus'}>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required ${input.username ? 'autofocus' : ''}>
<button type="submit">Sign in</button></form>
<p class="note">Use the username and password of your organisation's directory.</p>`,
    input.theme,
  );
}

/** A plain error page: what happened and what to do; never internals. */
export function renderErrorPage(input: { title: string; message: string; hint?: string }): string {
  return page(input.title, `<h1>${e(input.title)}</h1><div class="error" role="alert">${e(input.message)}</div>${input.hint ? `<p class="note">${e(input.hint)}</p>` : ''}`);
}

export function renderSignedOutPage(): string {
  return page('Signed out', '<h1>You are signed out</h1><p class="sub">Your Countersign session has ended. You can close this window.</p>');
}
