/**
 * The mail-transport port. Adapters: SMTP (`SMTP_URL`, production) and an outbox folder of
 * .eml files (single-node mode). Both pass `mail-transport.contract.ts`.
 *
 * A send that fails for good (recipient refused, bad address) throws `PermanentJobError`;
 * one worth retrying (server down, 4xx, timeout) throws an ordinary Error. Both carry a plain
 * reason fit for an admin to read.
 */

/** A file carried by a message; with `cid` it is shown inline by `<img src="cid:...">`. */
export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  cid?: string;
}

export interface MailMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** Where replies go, when not to `from`. */
  replyTo?: string;
  /**
   * The organisation the message is sent for. The tenant transport sends it through that
   * organisation's own SMTP server and sender when it has one (Settings › Outgoing mail).
   */
  tenantId?: string;
  /** Extra header fields, e.g. `Auto-Submitted`. */
  headers?: Record<string, string>;
  /**
   * Identifies the message across retries (the job id): the Message-ID is derived from it,
   * so a receiver or the outbox sees a retried send as the same message.
   */
  idempotencyKey: string;
}

export interface MailTransport {
  /** Resolves with the Message-ID (with angle brackets) once the message was accepted. */
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): Promise<void>;
}
