import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpTestServer, type SmtpTestServer } from '../../test/smtp/start-smtp-test-server';
import { PermanentJobError } from '../job-queue';
import { mailTransportContract, sampleMessage } from './mail-transport.contract';
import type { MailTransport } from './mail-transport';
import { createSmtpMailTransport, redactSmtpUrl } from './smtp-mail-transport';

async function failureOf(attempt: Promise<unknown>): Promise<Error> {
  try {
    await attempt;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the send to fail');
}

mailTransportContract('SMTP', async () => {
  const server = await startSmtpTestServer();
  return {
    transport: createSmtpMailTransport({ url: server.url }),
    delivered: async () => (await server.readMessages()).map((message) => message.raw),
    cleanup: () => server.stop(),
  };
});

describe('SMTP mail transport against a real SMTP server', () => {
  const password = 'pa:ss@w/rd s3cret';
  const withLogin = (server: SmtpTestServer, pass: string) =>
    `smtp://mailer:${encodeURIComponent(pass)}@127.0.0.1:${server.port}`;
  let server: SmtpTestServer | undefined;
  let transport: MailTransport | undefined;
  let silent: Server | undefined;

  afterEach(async () => {
    await transport?.close();
    await server?.stop();
    silent?.close();
    [server, transport, silent] = [undefined, undefined, undefined];
  });

  it('reports a recipient refused with 550 as permanent, naming the recipient and the reply', async () => {
    server = await startSmtpTestServer({ rejectRecipients: ['gone@example.org'] });
    transport = createSmtpMailTransport({ url: server.url });
    const attempt = transport.send(sampleMessage({ to: 'gone@example.org' }));
    await expect(attempt).rejects.toBeInstanceOf(PermanentJobError);
    await expect(attempt).rejects.toThrow(
      'The mail server refused the recipient gone@example.org (550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown).',
    );
    expect(await server.readMessages()).toHaveLength(0);
  });

  it('reports a 451 as transient, and the next try goes through', async () => {
    server = await startSmtpTestServer({ failFirst: 1 });
    transport = createSmtpMailTransport({ url: server.url });
    const attempt = transport.send(sampleMessage());
    await expect(attempt).rejects.toThrow(
      `The mail server 127.0.0.1:${server.port} temporarily refused the message (451 4.3.0 Temporary local problem, try again later).`,
    );
    await expect(attempt).rejects.not.toBeInstanceOf(PermanentJobError);

    await transport.send(sampleMessage());
    expect(await server.readMessages()).toHaveLength(1);
  });

  it('reports a server that is down as transient, in plain words and without the password', async () => {
    server = await startSmtpTestServer();
    const url = withLogin(server, password);
    await server.stop();
    transport = createSmtpMailTransport({ url });
    const error = await failureOf(transport.send(sampleMessage()));
    expect(error).not.toBeInstanceOf(PermanentJobError);
    expect(error.message).toBe(`Could not connect to the mail server 127.0.0.1:${server.port}: the connection was refused.`);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('s3cret');
  });

  it('reports a server that never answers as transient once the timeout passes', async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    transport = createSmtpMailTransport({ url: `smtp://127.0.0.1:${port}`, timeoutMs: 300 });
    const attempt = transport.send(sampleMessage());
    await expect(attempt).rejects.toThrow(`The mail server 127.0.0.1:${port} did not answer in time.`);
    await expect(attempt).rejects.not.toBeInstanceOf(PermanentJobError);
  });

  it('logs in with the credentials of the URL, and reports a refused login without the password', async () => {
    server = await startSmtpTestServer({ auth: { user: 'mailer', password } });
    transport = createSmtpMailTransport({ url: withLogin(server, password) });
    await transport.send(sampleMessage());
    expect((await server.readMessages()).map((message) => message.user)).toEqual(['mailer']);

    const wrong = createSmtpMailTransport({ url: withLogin(server, 'wrong s3cret') });
    const error = await failureOf(wrong.send(sampleMessage()));
    await wrong.close();
    expect(error).toBeInstanceOf(PermanentJobError);
    expect(error.message).toMatch(/refused the login \(535 .*\); check the user and password in SMTP_URL\.$/);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('s3cret');
  });

  it('upgrades to TLS with STARTTLS when the server offers it', async () => {
    server = await startSmtpTestServer({ starttls: true });
    transport = createSmtpMailTransport({ url: `${server.url}/?tls.rejectUnauthorized=false` });
    await transport.send(sampleMessage());
    expect((await server.readMessages()).map((message) => message.secure)).toEqual([true]);
  });

  it('refuses a malformed SMTP_URL without repeating it, and redacts the password for logs', () => {
    expect(() => createSmtpMailTransport({ url: 'http://mailer:s3cret@mail.example' })).toThrow(
      'SMTP_URL must look like smtp://[user:password@]host[:port] or smtps://[user:password@]host[:port].',
    );
    expect(() => createSmtpMailTransport({ url: 'smtp://mailer:s3cret@' })).toThrow(/^SMTP_URL must look like/);
    expect(redactSmtpUrl('smtps://mailer:s3cret@mail.example:465')).toBe('smtps://mailer:***@mail.example:465');
  });
});
