import { createHash, randomUUID } from 'node:crypto';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { assertAddresses } from './internal/assert-addresses';
import { toNodemailerMessage } from './internal/to-nodemailer-message';
import type { MailMessage, MailTransport } from './mail-transport';

export interface OutboxMailTransportOptions {
  /** Folder the .eml files go to, created when missing (single-node mode: `./data/outbox`). */
  folder: string;
}

/**
 * Single-node mode's mail: each message becomes one RFC 822 `.eml` file, attachments as real
 * MIME parts, for the dashboard to show. The file name comes from the idempotency key, so a
 * retried send finds its file and writes nothing; a file appears whole or not at all. Files
 * are readable by the server's user only: they hold activation codes.
 */
export function createOutboxMailTransport(options: OutboxMailTransportOptions): MailTransport {
  const { folder } = options;
  return {
    async send(message: MailMessage) {
      assertAddresses(message);
      const mail = toNodemailerMessage(message);
      const file = join(folder, outboxFileName(message.idempotencyKey));
      if (await exists(file)) return { messageId: mail.messageId };

      const raw = await new MailComposer(mail).compile().build();
      await mkdir(folder, { recursive: true, mode: 0o700 });
      await writeAtomically(file, raw);
      return { messageId: mail.messageId };
    },
    async close() {},
  };
}

/** `<readable part of the key>-<hash of the key>.eml`: stable, unique per key, safe on any disk. */
export function outboxFileName(idempotencyKey: string): string {
  const readable = idempotencyKey.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 16);
  return `${readable || 'mail'}-${hash}.eml`;
}

async function writeAtomically(file: string, content: Buffer): Promise<void> {
  const temp = join(dirname(file), `.${randomUUID()}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const dir = await open(dirname(file), 'r');
  await dir.sync().finally(() => dir.close());
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
