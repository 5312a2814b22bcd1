import type { MailSettings, MailSettingsInput, OutgoingMail, SmtpSecurity } from '../graphql/mailSettingsTypes';

/** The Outgoing mail form as typed: every field a string, the password empty unless changed. */
export interface MailSettingsFormValues {
  host: string;
  port: string;
  security: SmtpSecurity;
  username: string;
  password: string;
  clearPassword: boolean;
  fromAddress: string;
  fromName: string;
  replyTo: string;
}

/** The usual port of each security mode, suggested when the mode changes. */
export const USUAL_PORT: Record<SmtpSecurity, string> = { STARTTLS: '587', TLS: '465', NONE: '25' };

/** The form for saved settings, or an empty one on port 587 with STARTTLS. */
export function mailSettingsFormValues(settings: MailSettings | null): MailSettingsFormValues {
  return {
    host: settings?.host ?? '',
    port: String(settings?.port ?? 587),
    security: settings?.security ?? 'STARTTLS',
    username: settings?.username ?? '',
    password: '',
    clearPassword: false,
    fromAddress: settings?.fromAddress ?? '',
    fromName: settings?.fromName ?? '',
    replyTo: settings?.replyTo ?? '',
  };
}

/** What the form sends; the port stays as typed when it is not a number, for the server to name. */
export function mailSettingsInput(values: MailSettingsFormValues): MailSettingsInput {
  const port = Number(values.port);
  return {
    host: values.host.trim(),
    port: Number.isInteger(port) ? port : 0,
    security: values.security,
    username: values.username.trim() || null,
    password: values.password || null,
    clearPassword: values.clearPassword,
    fromAddress: values.fromAddress.trim(),
    fromName: values.fromName.trim() || null,
    replyTo: values.replyTo.trim() || null,
  };
}

/** One sentence saying which mail server is in effect. */
export function deliverySentence(mail: OutgoingMail): string {
  switch (mail.delivery) {
    case 'ORGANISATION_SMTP':
      return `Using your server ${mail.server}.`;
    case 'DEPLOYMENT_SMTP':
      return `Using the server’s default${mail.server ? ` (${mail.server})` : ''}.`;
    case 'OUTBOX':
      return 'Writing mail to the outbox folder (no SMTP configured).';
  }
}
