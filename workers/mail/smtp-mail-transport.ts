import { createTransport } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { assertAddresses } from './internal/assert-addresses';
import { classifySmtpError } from './internal/classify-smtp-error';
import { toNodemailerMessage } from './internal/to-nodemailer-message';
import type { MailMessage, MailTransport } from './mail-transport';

/** An SMTP server given field by field (an organisation's Settings › Outgoing mail). */
export interface SmtpServerSettings {
  host: string;
  port: number;
  /** STARTTLS: upgrade, and refuse a server that cannot; TLS: TLS from the start; NONE: plain text. */
  security: 'STARTTLS' | 'TLS' | 'NONE';
  /** Login, when the server needs one. */
  auth?: { user: string; pass: string } | null;
}

export interface SmtpMailTransportOptions {
  /**
   * `SMTP_URL`. `smtp://[user:password@]host[:port]` (port 587 by default) upgrades with
   * STARTTLS whenever the server offers it; `smtps://...` (port 465 by default) speaks TLS from
   * the start. Percent-encode reserved characters in the user and password. Query parameters
   * are nodemailer options, e.g. `?tls.rejectUnauthorized=false` for a relay whose certificate
   * is self-signed.
   */
  url?: string;
  /** The server field by field, instead of `url`. */
  server?: SmtpServerSettings;
  /** Where an admin fixes a refused login, for failure reasons (default "in SMTP_URL"). */
  credentialsWhere?: string;
  /** Limit in ms for connecting, for the greeting and for each reply (default 30 000). */
  timeoutMs?: number;
}

/**
 * Sends mail through an SMTP relay (production). Failures come back classified: see
 * `classifySmtpError`. The password in the URL appears in no error message or log line.
 */
export function createSmtpMailTransport(options: SmtpMailTransportOptions): MailTransport {
  const server = options.server ? `${options.server.host}:${options.server.port}` : smtpServerOf(options.url ?? '');
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transporter = createTransport({
    ...(options.server ? connectionOf(options.server) : parseConnectionUrl(options.url ?? '')),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
  });

  return {
    async send(message: MailMessage) {
      assertAddresses(message);
      const mail = toNodemailerMessage(message);
      try {
        await transporter.sendMail(mail);
      } catch (error) {
        throw classifySmtpError(error, server, message, options.credentialsWhere);
      }
      return { messageId: mail.messageId };
    },
    async close() {
      transporter.close();
    },
  };
}

/** `smtp://user:***@host:port`: the URL as it may appear in a log line. */
export function redactSmtpUrl(url: string): string {
  const parsed = parseSmtpUrl(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** nodemailer's connection options for a server given field by field. */
function connectionOf(server: SmtpServerSettings) {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === 'TLS',
    requireTLS: server.security === 'STARTTLS',
    ignoreTLS: server.security === 'NONE',
    ...(server.auth ? { auth: { user: server.auth.user, pass: server.auth.pass } } : {}),
  };
}

function smtpServerOf(url: string): string {
  const parsed = parseSmtpUrl(url);
  return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`;
}

function parseSmtpUrl(url: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // The URL parser's error repeats its input, password included: say what is wrong instead.
  }
  if (!parsed || (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname) {
    throw new Error('SMTP_URL must look like smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port].');
  }
  return parsed;
}
