import { createHash } from 'node:crypto';
import type { WaitStatus } from '../second-factor';
import type { PageTheme } from '../../http/page-theme';
import { escapeHtml as e, page } from './internal/page';

/**
 * The waiting page's one script: listens to the sign-in's wait stream (Server-Sent Events;
 * no polling) and, once approved, posts the continue form. Without script the page still
 * works: its buttons continue, resend, or take a code.
 */
export const APPROVAL_PAGE_SCRIPT = `(function(){var r=document.getElementById('approval');if(!r||!window.EventSource)return;var s=document.getElementById('status');var es=new EventSource(r.getAttribute('data-wait'));es.addEventListener('status',function(m){var d=JSON.parse(m.data);s.setAttribute('data-state',d.state);if(d.state==='APPROVED'){es.close();s.textContent=d.message;document.getElementById('continue').submit();return;}if(d.final){es.close();s.textContent=d.message||'';var n=document.getElementById('number');if(n&&d.state!=='PENDING')n.style.opacity='.35';}});})();`;

/** CSP source allowing {@link APPROVAL_PAGE_SCRIPT}. */
export const APPROVAL_PAGE_SCRIPT_CSP_HASH = `'sha256-${createHash('sha256').update(APPROVAL_PAGE_SCRIPT).digest('base64')}'`;

/** The page a browser waits on while the user approves on their device, with "enter a code instead". */
export function renderApprovalPage(input: { serviceId: string; signInId: string; status: WaitStatus; error?: string; theme?: PageTheme | null }): string {
  const base = `/saml/${encodeURIComponent(input.serviceId)}/signin/${encodeURIComponent(input.signInId)}`;
  const { status } = input;
  const push = status.number !== null;
  const waiting = status.state === 'PENDING';
  const top = push
    ? `<h1>Approve on your device</h1><p class="sub">to sign in to ${e(status.serviceName)}</p>
<p>Your authenticator asks which number you see here. Choose this one:</p>
<div class="number" id="number" aria-label="Number to choose on your device">${String(status.number).padStart(2, '0')}</div>`
    : `<h1>Enter a code</h1><p class="sub">to sign in to ${e(status.serviceName)}</p>`;
  const body = `${top}
<p class="status" id="status" role="status" aria-live="polite" data-state="${e(status.state)}">${e(status.message ?? (waiting ? 'Waiting for your approval…' : ''))}</p>
${input.error ? `<div class="error" role="alert">${e(input.error)}</div>` : ''}
<div id="approval" data-wait="${e(base)}/wait"></div>
<form id="continue" method="post" action="${e(base)}/continue">${push ? '<noscript><button type="submit">I approved it: continue</button></noscript>' : ''}</form>
<details${push && !input.error ? '' : ' open'}><summary>Enter a code instead</summary>
<form method="post" action="${e(base)}/code" autocomplete="off">
<label for="code">6-digit code from your authenticator</label><input id="code" name="code" inputmode="numeric" pattern="[0-9 ]{6,7}" maxlength="7" autocomplete="one-time-code" required>
<button type="submit">Verify code</button></form></details>
<form method="post" action="${e(base)}/resend"><button type="submit" class="secondary">Send a new request</button></form>
<p class="note">Did not start this sign-in? Choose <strong>Deny – this wasn't me</strong> on your device.</p>`;
  return page(`Approve sign-in to ${status.serviceName}`, body, APPROVAL_PAGE_SCRIPT, input.theme);
}

/** A plain message page (sign-in ended, not this browser, ...). */
export function renderMessagePage(title: string, message: string, hint?: string): string {
  return page(title, `<h1>${e(title)}</h1><div class="error" role="alert">${e(message)}</div>${hint ? `<p class="note">${e(hint)}</p>` : ''}`);
}
