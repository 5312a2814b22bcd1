import { PermanentJobError } from '../../job-queue';

/** The fields nodemailer sets on the errors it hands back (see nodemailer's NodemailerError). */
interface SmtpFailure {
  message?: string;
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
  originalCode?: string;
}

/**
 * Turns a nodemailer failure into a plain reason: `PermanentJobError` when sending the same
 * message again would be refused again (5xx reply except 503, invalid address, login refused),
 * an ordinary Error when a later try may succeed (4xx, connection refused, DNS, TLS, timeout).
 * `server` is `host:port` only, never the URL, so no password can leak into a reason.
 */
export function classifySmtpError(thrown: unknown, server: string, message: { to: string; from: string }, credentialsWhere = 'in SMTP_URL'): Error {
  const failure: SmtpFailure = typeof thrown === 'object' && thrown !== null ? thrown : { message: String(thrown) };
  const reply = failure.response ? ` (${oneLine(failure.response)})` : '';

  const tls = tlsFailure(failure, server);
  if (tls) return tls;
  if (failure.responseCode !== undefined) {
    if (!isPermanent(failure)) return new Error(`The mail server ${server} temporarily refused the message${reply}.`);
    switch (failure.command) {
      case 'RCPT TO':
        return new PermanentJobError(`The mail server refused the recipient ${message.to}${reply}.`);
      case 'MAIL FROM':
        return new PermanentJobError(`The mail server refused the sender ${message.from}${reply}.`);
      default:
        if (failure.code === 'EAUTH') {
          return new PermanentJobError(`The mail server ${server} refused the login${reply}; check the user and password ${credentialsWhere}.`);
        }
        return new PermanentJobError(`The mail server ${server} refused the message${reply}.`);
    }
  }

  switch (failure.code) {
    case 'EENVELOPE':
      return new PermanentJobError(
        `The message has no valid address (to "${message.to}", from "${message.from}"): ${oneLine(failure.message ?? '')}.`,
      );
    case 'ENOAUTH':
      return new PermanentJobError(`The mail server ${server} needs a login; put the user and password ${credentialsWhere}.`);
    case 'ETIMEDOUT':
      return new Error(`The mail server ${server} did not answer in time.`);
    case 'EDNS':
      return new Error(`The mail server host of ${server} could not be resolved (${failure.originalCode ?? 'DNS error'}).`);
    case 'ETLS':
      return new Error(`The TLS handshake with the mail server ${server} failed: ${oneLine(failure.message ?? '')}.`);
  }
  if (failure.originalCode === 'ECONNREFUSED') {
    return new Error(`Could not connect to the mail server ${server}: the connection was refused.`);
  }
  return new Error(`Sending mail through ${server} failed: ${oneLine(failure.message ?? 'unknown error')}.`);
}

/** A TLS problem in plain words: no STARTTLS offered, no TLS on the port, or a certificate refused. */
function tlsFailure(failure: SmtpFailure, server: string): Error | undefined {
  const original = failure.originalCode ?? '';
  if (failure.code === 'ETLS' && failure.command === 'STARTTLS') {
    return new Error(`The mail server ${server} could not switch to TLS with STARTTLS${failure.response ? ` (${oneLine(failure.response)})` : ''}.`);
  }
  if (original === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return new Error(`The mail server ${server} does not speak TLS from the start on this port; use STARTTLS (usually port 587) or the server's TLS port (usually 465).`);
  }
  if (/^(CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED|ERR_TLS_CERT|HOSTNAME_MISMATCH)/.test(original)) {
    return new Error(`The TLS certificate of the mail server ${server} was not accepted: ${oneLine(failure.message ?? original)}.`);
  }
  return undefined;
}

function isPermanent(failure: SmtpFailure): boolean {
  if (failure.permanent !== undefined) return failure.permanent;
  const code = failure.responseCode ?? 0;
  return code >= 500 && code < 600 && code !== 503;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}
