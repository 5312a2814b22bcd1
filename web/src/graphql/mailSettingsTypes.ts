/** Hand-written result types for Settings › Outgoing mail, matching `schema.graphql`. */

export type SmtpSecurity = 'STARTTLS' | 'TLS' | 'NONE';
export type MailDelivery = 'ORGANISATION_SMTP' | 'DEPLOYMENT_SMTP' | 'OUTBOX';

export interface MailSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  /** Whether a password is stored; the password itself is never returned. */
  passwordSet: boolean;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
  updatedAt: string;
}

export interface OutgoingMail {
  delivery: MailDelivery;
  /** `host:port` in effect; null for the outbox folder. */
  server: string | null;
  settings: MailSettings | null;
}

export interface MailSettingsInput {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  password: string | null;
  clearPassword: boolean;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
}

export interface TestEmailResult {
  ok: boolean;
  message: string;
}
