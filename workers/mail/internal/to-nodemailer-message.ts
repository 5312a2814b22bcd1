import { createHash } from 'node:crypto';
import type { MailMessage } from '../mail-transport';

/** `<hash-of-key@sender-domain>`: the same idempotency key always gives the same Message-ID. */
export function messageIdFor(message: MailMessage): string {
  const digest = createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32);
  const domain = /@([^\s<>@]+?)>?\s*$/.exec(message.from)?.[1] ?? 'countersign.invalid';
  return `<${digest}@${domain}>`;
}

/** The nodemailer message fields for a port message; no file or URL access from content. */
export function toNodemailerMessage(message: MailMessage) {
  return {
    messageId: messageIdFor(message),
    from: message.from,
    to: message.to,
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    attachments: message.attachments?.map((attachment) => ({
      filename: attachment.filename,
      content: attachment.content,
      contentType: attachment.contentType,
      cid: attachment.cid,
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
