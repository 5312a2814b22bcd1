import PostalMime from 'postal-mime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PermanentJobError } from '../job-queue';
import type { MailMessage, MailTransport } from './mail-transport';

/** One test's transport and a way to read, as raw RFC 822, what reached the other side. */
export interface MailTransportTestSetup {
  transport: MailTransport;
  delivered(): Promise<Buffer[]>;
  cleanup(): Promise<void>;
}

/** A 1x1 PNG, as the QR code of an activation mail would be inlined. */
export const onePixelPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const everyByte = Buffer.from(Array.from({ length: 1024 }, (_, i) => i % 256));

/** A token-pack style message: text, html with an inline image, a binary attachment. */
export function sampleMessage(overrides: Partial<MailMessage> = {}): MailMessage {
  return {
    to: 'Zoë Brandt <zoe.brandt@example.org>',
    from: 'Countersign <no-reply@countersign.example>',
    subject: 'Votre pack de jetons — activez votre appareil',
    text: 'Scan the QR code to activate your device.\nCode: 123-456',
    html: '<p>Scan the QR code:</p><img src="cid:qr@countersign" alt="QR code">',
    attachments: [
      { filename: 'qr.png', content: onePixelPng, contentType: 'image/png', cid: 'qr@countersign' },
      { filename: 'recovery-codes.bin', content: everyByte, contentType: 'application/octet-stream' },
    ],
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Countersign-Tenant': 't-42' },
    idempotencyKey: 'evt-5f0c:token-pack-email',
    ...overrides,
  };
}

const bytesOf = (content: ArrayBuffer | Uint8Array | string) =>
  Buffer.from(typeof content === 'string' ? Buffer.from(content, 'base64') : new Uint8Array(content as ArrayBuffer));

/** The behaviour every mail transport must show (CONVENTIONS rule 5). */
export function mailTransportContract(adapter: string, setUp: () => Promise<MailTransportTestSetup>): void {
  describe(`${adapter} mail transport contract`, () => {
    let setup: MailTransportTestSetup;
    beforeEach(async () => {
      setup = await setUp();
    });
    afterEach(async () => {
      await setup.transport.close();
      await setup.cleanup();
    });

    it('delivers the text, the html, an inline PNG and a binary attachment intact', async () => {
      const message = sampleMessage();
      await setup.transport.send(message);

      const delivered = await setup.delivered();
      expect(delivered).toHaveLength(1);
      const email = await PostalMime.parse(delivered[0]!);
      expect(email.subject).toBe(message.subject);
      expect(email.from).toMatchObject({ name: 'Countersign', address: 'no-reply@countersign.example' });
      expect(email.to).toEqual([{ name: 'Zoë Brandt', address: 'zoe.brandt@example.org' }]);
      expect(email.text?.trim()).toBe(message.text);
      expect(email.html).toContain('<img src="cid:qr@countersign" alt="QR code">');

      const png = email.attachments.find((attachment) => attachment.filename === 'qr.png');
      expect(png).toMatchObject({ mimeType: 'image/png', disposition: 'inline', contentId: '<qr@countersign>' });
      expect(bytesOf(png!.content).equals(onePixelPng)).toBe(true);
      const binary = email.attachments.find((attachment) => attachment.filename === 'recovery-codes.bin');
      expect(binary).toMatchObject({ mimeType: 'application/octet-stream', disposition: 'attachment' });
      expect(bytesOf(binary!.content).equals(everyByte)).toBe(true);
    });

    it('sends the extra header fields', async () => {
      await setup.transport.send(sampleMessage());
      const email = await PostalMime.parse((await setup.delivered())[0]!);
      const header = (key: string) => email.headers.find((h) => h.key === key)?.value;
      expect(header('auto-submitted')).toBe('auto-generated');
      expect(header('x-countersign-tenant')).toBe('t-42');
    });

    it('answers with the Message-ID the message carries, the same for every try of one key', async () => {
      const first = await setup.transport.send(sampleMessage());
      const retried = await setup.transport.send(sampleMessage());
      const other = await setup.transport.send(sampleMessage({ idempotencyKey: 'evt-77:token-pack-email' }));

      expect(first.messageId).toMatch(/^<[^<>@\s]+@countersign\.example>$/);
      expect(retried.messageId).toBe(first.messageId);
      expect(other.messageId).not.toBe(first.messageId);
      const ids = await Promise.all((await setup.delivered()).map(async (raw) => (await PostalMime.parse(raw)).messageId));
      expect(new Set(ids)).toEqual(new Set([first.messageId, other.messageId]));
    });

    it('refuses for good a recipient or sender that is not an email address', async () => {
      for (const bad of [{ to: 'not an address' }, { to: '' }, { from: 'no-reply' }]) {
        const attempt = setup.transport.send(sampleMessage(bad));
        await expect(attempt).rejects.toBeInstanceOf(PermanentJobError);
        await expect(attempt).rejects.toThrow(/is not an email address/);
      }
      expect(await setup.delivered()).toHaveLength(0);
    });
  });
}
