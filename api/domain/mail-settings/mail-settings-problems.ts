import { isIP } from 'node:net';
import type { FieldErrors } from '../../errors';
import { SMTP_SECURITY_MODES, type SmtpSecurity } from './events';

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The settings fields an admin types, before the password is sealed. */
export interface MailSettingsFields {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  fromAddress: string;
  fromName: string | null;
  replyTo: string | null;
}

function hostProblem(host: string): string | undefined {
  if (!host) return 'Give the host name of your mail server, e.g. smtp.example.com.';
  if (/^[a-z]+:\/\//i.test(host)) return 'Give the host name only, without smtp:// or https:// — e.g. smtp.example.com.';
  if (isIP(host)) return undefined;
  if (/^[^:]+:\d+$/.test(host)) return 'Put the port in the Port field and the host name alone here.';
  if (!HOSTNAME.test(host)) return 'This is not a host name: use letters, digits, dots and hyphens (e.g. smtp.example.com) or an IP address.';
  return undefined;
}

/** Field by field, what is wrong with an organisation's SMTP settings (password aside). */
export function mailSettingsProblems(fields: MailSettingsFields, passwordGiven: boolean): FieldErrors {
  const problems: FieldErrors = {};
  const host = hostProblem(fields.host.trim());
  if (host) problems.host = host;
  if (!Number.isInteger(fields.port) || fields.port < 1 || fields.port > 65535) {
    problems.port = 'Give a port between 1 and 65535: usually 587 for STARTTLS, 465 for TLS.';
  }
  if (!SMTP_SECURITY_MODES.includes(fields.security)) problems.security = `Choose one of ${SMTP_SECURITY_MODES.join(', ')}.`;
  const username = fields.username?.trim() ?? '';
  if (username.length > 256 || CONTROL.test(username)) problems.username = 'The username must be one line of at most 256 characters.';
  if (!username && passwordGiven) problems.username = 'Give the username that goes with the password, or clear the password.';
  const from = fields.fromAddress.trim();
  if (!from) problems.fromAddress = 'Give the address mail is sent from, e.g. it-help@example.com.';
  else if (!EMAIL.test(from) || from.length > 254) problems.fromAddress = 'Give a plain email address like it-help@example.com (the display name has its own field).';
  const name = fields.fromName?.trim() ?? '';
  if (name.length > 100 || CONTROL.test(name)) problems.fromName = 'The sender name must be one line of at most 100 characters.';
  const replyTo = fields.replyTo?.trim() ?? '';
  if (replyTo && (!EMAIL.test(replyTo) || replyTo.length > 254)) problems.replyTo = 'Give a plain email address like help@example.com, or leave it empty.';
  return problems;
}
