import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, describe, expect, it } from 'vitest';
import { streamId } from '../api/commands';
import { graphqlClient } from '../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../test/support/start-test-server';
import { startSmtpTestServer, type SmtpTestServer } from '../test/smtp/start-smtp-test-server';

const root = new URL('..', import.meta.url).pathname;

/**
 * The worst moment for a mail worker to die: the SMTP server already holds the message, but
 * the worker never heard its 250. The workers process is SIGKILLed there and started again;
 * the job must run again (never lost), and the copy it sends must carry the same Message-ID,
 * which mail clients use to show one message (never doubled to the user's eyes), while the
 * token pack records exactly one send.
 */
describe('a workers process killed in the middle of an email job', () => {
  let smtp: SmtpTestServer;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await server?.stop();
    await smtp?.stop();
  });

  it('retries the token pack email after the crash: one Message-ID in the mailbox, one send recorded', async () => {
    smtp = await startSmtpTestServer({ holdFirst: 1 });
    // api + projections here; the workers role runs in a child process on the same data folder.
    server = await startTestServer({ SMTP_URL: smtp.url, COUNTERSIGN_DEMO_USERS: 'false' }, ['api', 'projections']);
    const env = {
      ...process.env, DATA_DIR: server.dataDir, COUNTERSIGN_PUBLIC_URL: server.url, SMTP_URL: smtp.url, LOG_LEVEL: 'warn', COUNTERSIGN_DEMO_USERS: 'false',
      COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email, COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password,
    };
    const startWorkers = () => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/entry/workers.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      return child;
    };

    const admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const packId = (await admin.request<{ tokenPacks: Array<{ id: string }> }>('{ tokenPacks { id } }')).data!.tokenPacks[0]!.id;
    await admin.request('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: packId, e: ['user@example.test'] });

    // 1. The first workers process sends; the SMTP server stores the message and holds its answer.
    const first = startWorkers();
    await expect.poll(async () => (await smtp.readMessages()).length, { timeout: 30_000, interval: 100 }).toBe(1);
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const sendStatus = async () =>
      (await admin.request<{ tokenPack: { sends: Array<{ status: string }> } }>('query($id: ID!) { tokenPack(id: $id) { sends { status } } }', { id: packId })).data!.tokenPack.sends.map((s) => s.status);
    expect(await sendStatus()).toEqual(['QUEUED']);

    // 2. A new workers process takes the interrupted job again and this time hears the 250.
    startWorkers();
    await expect.poll(sendStatus, { timeout: 30_000, interval: 200 }).toEqual(['SENT']);
    const mails = await Promise.all((await smtp.readMessages()).map((m) => PostalMime.parse(m.raw)));
    expect(mails).toHaveLength(2);
    expect(mails[0]!.messageId).toBeTruthy();
    expect(mails[1]!.messageId).toBe(mails[0]!.messageId);
    expect(mails[1]!.subject).toBe(mails[0]!.subject);
    expect(mails.map((m) => m.to?.[0]?.address)).toEqual(['user@example.test', 'user@example.test']);

    const events = await server.services.store.readStream(streamId('tokenPack', server.services.config.COUNTERSIGN_DEFAULT_TENANT, packId));
    expect(events.filter((e) => e.type === 'TokenPackEmailSent')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'TokenPackEmailFailed')).toHaveLength(0);
  });
});
