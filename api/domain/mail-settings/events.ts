import type { Sealed } from '../../crypto';

/** How the connection to an organisation's SMTP server is protected. */
export type SmtpSecurity = 'STARTTLS' | 'TLS' | 'NONE';
/** Every security mode, for validation. */
export const SMTP_SECURITY_MODES: readonly SmtpSecurity[] = ['STARTTLS', 'TLS', 'NONE'];

/** An organisation's own outgoing mail server, as stored (the password sealed). */
export interface MailSettings {
  /** Host name or IP address, without scheme or port. */
  host: string;
  port: number;
  security: SmtpSecurity;
  /** Login name; null when the server takes mail without a login. */
  username: string | null;
  /** The login password, sealed under {@link SMTP_PASSWORD_SEAL_CONTEXT}; null for none. */
  password: Sealed | null;
  /** Sender address of every mail of the organisation. */
  fromAddress: string;
  /** Sender display name; null for the bare address. */
  fromName: string | null;
  /** Where replies go; null for the sender address. */
  replyTo: string | null;
}

/** One stream per organisation: `mailSettings-<tenant>-smtp`. */
export type MailSettingsEvent =
  | { type: 'MailSettingsUpdated'; data: MailSettings }
  | { type: 'MailSettingsCleared'; data: Record<string, never> }
  /** An admin sent a test email; `message` is the plain-words outcome the admin saw (never a secret). */
  | { type: 'TestEmailSent'; data: { to: string; ok: boolean; message: string } };

export const mailSettingsEventTypes = ['MailSettingsUpdated', 'MailSettingsCleared', 'TestEmailSent'] as const satisfies readonly MailSettingsEvent['type'][];

/** Context the SMTP password is sealed under (see `Sealer`). */
export const SMTP_PASSWORD_SEAL_CONTEXT = 'mailSettings:password';

/** The stream id part after the tenant: one mail settings stream per organisation. */
export const MAIL_SETTINGS_STREAM_ID = 'smtp';
