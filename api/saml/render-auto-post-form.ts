import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { escapeHtml } from './internal/xml-escape';

/** The one script the form page runs; allow it by nonce or by {@link AUTO_POST_SCRIPT_CSP_HASH}. */
export const AUTO_POST_SCRIPT = "document.getElementById('saml-post').submit();";

/** CSP source for {@link AUTO_POST_SCRIPT}: `script-src 'sha256-…'` allows it without a nonce. */
export const AUTO_POST_SCRIPT_CSP_HASH = `'sha256-${createHash('sha256').update(AUTO_POST_SCRIPT).digest('base64')}'`;

/** Options for {@link renderAutoPostForm}. */
export interface AutoPostFormOptions {
  /** CSP nonce for the inline script. Without it, allow the script by {@link AUTO_POST_SCRIPT_CSP_HASH}. */
  nonce?: string;
  /** Page language; default `en`. */
  lang?: string;
}

/**
 * The HTML page that POSTs a SAMLResponse (and the RelayState, unchanged) to the SP's ACS URL
 * (HTTP-POST binding). Every value is HTML-escaped; the only script is {@link AUTO_POST_SCRIPT};
 * without JavaScript the user presses the Continue button inside `<noscript>`. Refuses an ACS URL
 * that is not http(s).
 */
export function renderAutoPostForm(acsUrl: string, samlResponse: string, relayState?: string, options: AutoPostFormOptions = {}): string {
  let url: URL;
  try {
    url = new URL(acsUrl);
  } catch {
    throw new AppError('SAML_ACS_NOT_REGISTERED', 'The assertion consumer service URL is not a valid URL.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AppError('SAML_ACS_NOT_REGISTERED', 'The assertion consumer service URL must be http(s).');
  }
  if (options.nonce !== undefined && !/^[A-Za-z0-9+/=_-]{8,}$/.test(options.nonce)) {
    throw new AppError('INTERNAL', 'The CSP nonce must be base64 or base64url of at least 8 characters.');
  }
  const nonceAttr = options.nonce ? ` nonce="${options.nonce}"` : '';
  const relay = relayState === undefined ? '' : `<input type="hidden" name="RelayState" value="${escapeHtml(relayState)}">`;
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(options.lang ?? 'en')}"><head><meta charset="utf-8">` +
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">' +
    '<title>Signing in…</title></head><body>' +
    `<form id="saml-post" method="post" action="${escapeHtml(acsUrl)}">` +
    `<input type="hidden" name="SAMLResponse" value="${escapeHtml(samlResponse)}">${relay}` +
    '<noscript><p>JavaScript is turned off. Press Continue to finish signing in.</p><button type="submit">Continue</button></noscript>' +
    `</form><script${nonceAttr}>${AUTO_POST_SCRIPT}</script></body></html>`
  );
}
