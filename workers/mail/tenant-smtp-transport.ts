import type { Sealer } from '../../api/crypto';
import { SMTP_PASSWORD_SEAL_CONTEXT, type MailSettings } from '../../api/domain/mail-settings';
import type { MailMessage, MailTransport } from './mail-transport';
import { createSmtpMailTransport } from './smtp-mail-transport';

/** Where an admin fixes the login of an organisation's own server, for failure reasons. */
export const TENANT_CREDENTIALS_WHERE = 'in Settings › Outgoing mail';

/** `"Display Name" <address>`, or the bare address when there is no name. */
export function senderOf(settings: Pick<MailSettings, 'fromAddress' | 'fromName'>): string {
  if (!settings.fromName) return settings.fromAddress;
  return `"${settings.fromName.replace(/["\\]/g, (c) => `\\${c}`)}" <${settings.fromAddress}>`;
}

/**
 * Sends through an organisation's own SMTP server: its security mode and login (the password
 * unsealed here, in memory only), and its sender and reply-to address in place of the
 * deployment's. Failures read as `classifySmtpError` words, pointing at Settings for a login.
 */
export function createTenantSmtpTransport(settings: MailSettings, sealer: Sealer, options: { timeoutMs?: number } = {}): MailTransport {
  const pass = settings.password ? sealer.unseal(settings.password, SMTP_PASSWORD_SEAL_CONTEXT) : null;
  const smtp = createSmtpMailTransport({
    server: {
      host: settings.host,
      port: settings.port,
      security: settings.security,
      auth: settings.username ? { user: settings.username, pass: pass ?? '' } : null,
    },
    credentialsWhere: TENANT_CREDENTIALS_WHERE,
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  return {
    send(message: MailMessage) {
      return smtp.send({ ...message, from: senderOf(settings), ...(settings.replyTo ? { replyTo: settings.replyTo } : {}) });
    },
    close: () => smtp.close(),
  };
}
