import QRCode from 'qrcode';
import type { MailAttachment } from '../mail-transport';

export interface TokenPackEmailInput {
  packName: string;
  /** Validated `#rrggbb` colours and an optional https/data logo URL. */
  theme: { primaryColor: string; accentColor: string; logoUrl?: string | null };
  /** The signed enrollment URL: the QR code and the "open on this phone" link. */
  enrollmentUrl: string;
  expiresAt: Date;
  /** Content-ID of the inline QR image, unique per message. */
  qrContentId: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/**
 * The token pack email: the enrollment link as a QR code (inline PNG, for a phone to scan off
 * a computer screen) and as an "Open on this phone" button (for reading the email on the
 * phone itself), in the pack's colours. The QR code stays black on white: theme colours can
 * be too pale for some cameras.
 */
export async function renderTokenPackEmail(input: TokenPackEmailInput): Promise<RenderedEmail> {
  const png = await QRCode.toBuffer(input.enrollmentUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 280 });
  const until = `${dateFormat.format(input.expiresAt)} UTC`;
  const name = oneLine(input.packName);
  const subject = `Set up your phone to approve sign-ins (${name})`;
  const text = [
    'Hello,',
    '',
    `You have been sent the token pack "${name}". It sets up your phone to approve your sign-ins.`,
    '',
    'Reading this on your phone? Open this link on it:',
    input.enrollmentUrl,
    '',
    "Reading this on a computer? Scan the QR code in this email with your phone's camera.",
    '',
    `The link works until ${until} and is meant for you alone: do not forward it.`,
    'If you did not expect this email, ignore it.',
    '',
  ].join('\n');

  const { primaryColor, accentColor, logoUrl } = input.theme;
  const logo = logoUrl ? `<img src="${escape(logoUrl)}" alt="" height="40" style="display:block;margin:0 auto 16px">` : '';
  const html = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f8fa;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:480px;background:#ffffff;border-radius:8px;border-top:6px solid ${primaryColor}">
<tr><td style="padding:24px;text-align:center">
${logo}<h1 style="font-size:20px;margin:0 0 8px;color:${primaryColor}">${escape(name)}</h1>
<p style="margin:0 0 20px">Set up your phone to approve your sign-ins.</p>
<p style="margin:0 0 8px"><strong>Reading this on your phone?</strong></p>
<p style="margin:0 0 24px"><a href="${escape(input.enrollmentUrl)}" style="display:inline-block;padding:12px 24px;border-radius:6px;background:${accentColor};color:#ffffff;text-decoration:none;font-weight:600">Open on this phone</a></p>
<p style="margin:0 0 8px"><strong>On a computer?</strong> Scan this code with your phone's camera:</p>
<img src="cid:${escape(input.qrContentId)}" alt="QR code to set up your phone" width="280" height="280" style="display:block;margin:0 auto 20px">
<p style="margin:0;font-size:13px;color:#59636e">The link works until ${escape(until)} and is meant for you alone: do not forward it. If you did not expect this email, ignore it.</p>
</td></tr></table></td></tr></table>
</body></html>
`;
  return { subject, text, html, attachments: [{ filename: 'token-pack-qr.png', content: png, contentType: 'image/png', cid: input.qrContentId }] };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
