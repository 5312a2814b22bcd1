import QRCode from 'qrcode';
import { emailThemeHeader, type EmailTheme } from './email-theme-header';
import type { RenderedEmail } from './token-pack-email';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', dateStyle: 'medium', timeZone: 'UTC' });

/**
 * The activation email: the single-use code as a QR (inline PNG, `countersign-activation:<code>`)
 * for the authenticator to scan, and as text to paste into a command-line authenticator.
 */
export async function renderActivationEmail(input: { qrText: string; code: string; expiresAt: Date; displayName: string; qrContentId: string; theme?: EmailTheme | null }): Promise<RenderedEmail> {
  const png = await QRCode.toBuffer(input.qrText, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 280 });
  const until = `${dateFormat.format(input.expiresAt)} UTC`;
  const subject = 'Your activation code';
  const text = [
    `Hello ${input.displayName},`,
    '',
    'You signed in to set up your authenticator. To finish, scan the QR code in this email with it,',
    'or paste this activation code into it:',
    '',
    input.code,
    '',
    `The code works once, until ${until}, and only on the device where you signed in.`,
    'If you did not just set up an authenticator, tell your IT help desk: someone may know your password.',
    '',
  ].join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;text-align:center">
${emailThemeHeader(input.theme)}<h1 style="font-size:20px;margin:0 0 12px">Finish setting up your authenticator</h1>
<p>Hello ${escape(input.displayName)}, scan this code with the authenticator where you just signed in:</p>
<img src="cid:${escape(input.qrContentId)}" alt="Activation QR code" width="280" height="280" style="display:block;margin:0 auto 16px">
<p style="font-size:13px">Or paste this activation code:</p>
<p style="font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;word-break:break-all;background:#f6f8fa;padding:8px;border-radius:6px">${escape(input.code)}</p>
<p style="font-size:13px;color:#59636e">It works once, until ${escape(until)}. If you did not just set up an authenticator, tell your IT help desk: someone may know your password.</p>
</div></body></html>
`;
  return { subject, text, html, attachments: [{ filename: 'activation-qr.png', content: png, contentType: 'image/png', cid: input.qrContentId }] };
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
