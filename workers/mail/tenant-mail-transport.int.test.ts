import { randomBytes } from 'node:crypto';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommandHandler, streamId, type CommandContext } from '../../api/commands';
import { createSealer } from '../../api/crypto';
import { mailSettingsDecider, SMTP_PASSWORD_SEAL_CONTEXT, type MailSettingsInput } from '../../api/domain/mail-settings';
import { createSqliteEventStore } from '../../api/eventstore/sqlite-event-store';
import { startSmtpTestServer, type SmtpTestServer } from '../../test/smtp/start-smtp-test-server';
import { sampleMessage } from './mail-transport.contract';
import type { MailMessage, MailTransport } from './mail-transport';
import { createTenantMailTransport } from './tenant-mail-transport';

const ctx = (tenantId: string): CommandContext => ({ tenantId, actor: { kind: 'admin', id: 'a1' }, correlationId: 'c', causationId: 'k' });

describe('tenant mail transport: each organisation through its own SMTP server, else the default', () => {
  const sealer = createSealer(randomBytes(32));
  const store = createSqliteEventStore({ file: ':memory:' });
  const handle = createCommandHandler({ store, now: () => new Date('2030-01-01T00:00:00Z') });
  const fallbackSent: MailMessage[] = [];
  const fallback: MailTransport = {
    async send(message) {
      fallbackSent.push(message);
      return { messageId: '<fallback@example.test>' };
    },
    async close() {},
  };
  let first: SmtpTestServer;
  let second: SmtpTestServer;
  let transport: MailTransport;

  const save = (tenantId: string, server: SmtpTestServer, overrides: Partial<MailSettingsInput> = {}) =>
    handle(mailSettingsDecider, streamId('mailSettings', tenantId, 'smtp'), {
      type: 'UpdateMailSettings',
      settings: {
        host: '127.0.0.1', port: server.port, security: 'NONE', username: 'mailer', fromAddress: 'it@acme.test', fromName: 'Acme IT', replyTo: null,
        password: { kind: 'set', sealed: sealer.seal('p4ss-word', SMTP_PASSWORD_SEAL_CONTEXT) },
        ...overrides,
      },
    }, ctx(tenantId));

  beforeAll(async () => {
    [first, second] = await Promise.all([startSmtpTestServer({ auth: { user: 'mailer', password: 'p4ss-word' } }), startSmtpTestServer({ auth: { user: 'mailer', password: 'p4ss-word' } })]);
    transport = createTenantMailTransport({ store, sealer, fallback });
  });
  afterAll(async () => {
    await transport?.close();
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('sends a message of an organisation with settings through its server, logged in, as its sender', async () => {
    await save('acme', first);
    await transport.send(sampleMessage({ tenantId: 'acme', idempotencyKey: 'one' }));
    const [message] = await first.readMessages();
    expect(message).toMatchObject({ user: 'mailer', envelope: { from: 'it@acme.test', to: ['zoe.brandt@example.org'] } });
    const email = await PostalMime.parse(message!.raw);
    expect(email.from).toEqual({ name: 'Acme IT', address: 'it@acme.test' });
    expect(email.subject).toBe(sampleMessage().subject);
    expect(email.attachments.map((a) => a.filename)).toEqual(['qr.png', 'recovery-codes.bin']);
  });

  it('sends other organisations, and messages without one, through the default', async () => {
    await transport.send(sampleMessage({ tenantId: 'globex', idempotencyKey: 'two' }));
    await transport.send(sampleMessage({ idempotencyKey: 'three' }));
    expect(fallbackSent.map((m) => [m.idempotencyKey, m.from])).toEqual([
      ['two', 'Countersign <no-reply@countersign.example>'],
      ['three', 'Countersign <no-reply@countersign.example>'],
    ]);
  });

  it('uses changed settings at the next message, and the default once they are cleared', async () => {
    await save('acme', second, { fromName: null });
    await transport.send(sampleMessage({ tenantId: 'acme', idempotencyKey: 'four' }));
    expect(await first.readMessages()).toHaveLength(1);
    const [moved] = await second.readMessages();
    expect((await PostalMime.parse(moved!.raw)).from).toEqual({ name: '', address: 'it@acme.test' });

    await handle(mailSettingsDecider, streamId('mailSettings', 'acme', 'smtp'), { type: 'ClearMailSettings' }, ctx('acme'));
    await transport.send(sampleMessage({ tenantId: 'acme', idempotencyKey: 'five' }));
    expect(fallbackSent.at(-1)!.idempotencyKey).toBe('five');
    expect(await second.readMessages()).toHaveLength(1);
  });
});
