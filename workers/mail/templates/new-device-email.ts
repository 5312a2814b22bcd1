import { emailThemeHeader, type EmailTheme } from './email-theme-header';
import type { RenderedEmail } from './token-pack-email';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', dateStyle: 'long', timeZone: 'UTC' });

/** "A new device was added to your account": sent after every activation (NIST 800-63B binding notice). */
export function renderNewDeviceEmail(input: { displayName: string; deviceName: string; activatedAt: Date; ip: string | null; userAgent: string | null; theme?: EmailTheme | null }): RenderedEmail {
  const when = `${dateFormat.format(input.activatedAt)} UTC`;
  const subject = `A new device can now approve your sign-ins: ${oneLine(input.deviceName)}`;
  const lines = [
    `Hello ${input.displayName},`,
    '',
    `The device "${oneLine(input.deviceName)}" was set up to approve your sign-ins on ${when}${input.ip ? ` from ${input.ip}` : ''}.`,
    input.userAgent ? `Set up with: ${oneLine(input.userAgent)}` : '',
    '',
    'If this was you, there is nothing to do.',
    'If it was not, tell your IT help desk now: they will remove the device, and your password should be changed.',
    '',
  ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
  const text = lines.join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f8fa;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328">
<div style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
${emailThemeHeader(input.theme)}<h1 style="font-size:20px;margin:0 0 12px">A new device was added</h1>
<p>Hello ${escape(input.displayName)},</p>
<p>The device <strong>${escape(oneLine(input.deviceName))}</strong> was set up to approve your sign-ins on ${escape(when)}${input.ip ? ` from ${escape(input.ip)}` : ''}.</p>
<p>If this was you, there is nothing to do. <strong>If it was not</strong>, tell your IT help desk now: they will remove the device, and your password should be changed.</p>
</div></body></html>
`;
  return { subject, text, html, attachments: [] };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
