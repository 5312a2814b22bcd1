import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import PostalMime from 'postal-mime';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startSmtpTestServer, type SmtpTestServer } from '../../test/smtp/start-smtp-test-server';
import { freePort, TEST_ADMIN } from '../../test/support/start-test-server';
import { streamId } from '../commands';
import { loadConfig } from '../config/config';
import { startCountersign, type RunningCountersign } from '../runtime/start-countersign';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const OUTGOING = 'delivery server settings { host port security username passwordSet fromAddress fromName replyTo }';
const UPDATE = `mutation($i: MailSettingsInput!) { updateMailSettings(input: $i) { ${OUTGOING} } }`;
const TEST = 'mutation($to: String!) { sendTestEmail(to: $to) { ok message } }';
const PASSWORD = 'Sm7p-s3cret!pass';

async function until<T>(read: () => Promise<T> | T, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Settings › Outgoing mail through GraphQL, against a real SMTP server', () => {
  let smtp: SmtpTestServer;
  let running: RunningCountersign;
  let url: string;
  let dataDir: string;
  let admin: ReturnType<typeof graphqlClient>;
  const logLines: string[] = [];
  /** Every GraphQL response body, to check that the password never comes back. */
  const responses: string[] = [];
  const request = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const result = await admin.request<T>(query, variables);
    responses.push(JSON.stringify(result));
    return result;
  };
  const settingsFor = (overrides: Record<string, unknown> = {}) => ({
    host: '127.0.0.1', port: smtp.port, security: 'NONE', username: 'mailer', password: PASSWORD,
    fromAddress: 'it-help@example.test', fromName: 'Example IT', replyTo: 'help@example.test', ...overrides,
  });
  const outbox = () => (existsSync(join(dataDir, 'outbox')) ? readdirSync(join(dataDir, 'outbox')).filter((f) => f.endsWith('.eml')) : []);
  const sendTemplatePack = async (email: string) => {
    const packs = (await request<{ tokenPacks: Array<{ id: string }> }>('{ tokenPacks { id } }')).data!.tokenPacks;
    const sent = await request<{ sendTokenPack: Array<{ id: string }> }>('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: packs[0]!.id, e: [email] });
    expect(sent.errors).toBeUndefined();
    return until(async () => (await request<{ tokenPack: { sends: Array<{ email: string; status: string; reason: string | null }> } }>(
      'query($p: ID!) { tokenPack(id: $p) { sends { email status reason } } }', { p: packs[0]!.id },
    )).data!.tokenPack.sends.find((s) => s.email === email)!, (s) => s.status !== 'QUEUED', `the token pack email to ${email}`);
  };

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ auth: { user: 'mailer', password: PASSWORD } });
    dataDir = mkdtempSync(join(tmpdir(), 'cs-mail-settings-'));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // No SMTP_URL: the deployment default is the outbox folder.
    const config = loadConfig({
      PORT: String(port), HOST: '127.0.0.1', COUNTERSIGN_PUBLIC_URL: url, DATA_DIR: dataDir, LOG_LEVEL: 'debug',
      COUNTERSIGN_ADMIN_EMAIL: TEST_ADMIN.email, COUNTERSIGN_ADMIN_PASSWORD: TEST_ADMIN.password,
    });
    // Every log line at debug level, unredacted, to prove the password is never handed to the logger.
    const capture = new Writable({ write(chunk, _encoding, done) { logLines.push(String(chunk)); done(); } });
    running = await startCountersign(config, pino({ level: 'debug' }, capture), ['api', 'projections', 'workers']);
    admin = graphqlClient(url);
    await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
  });
  afterAll(async () => {
    await running?.stop();
    await smtp?.stop();
  });

  it('starts on the deployment default: the outbox folder', async () => {
    const r = await request<{ mailSettings: unknown }>(`{ mailSettings { ${OUTGOING} } }`);
    expect(r.data!.mailSettings).toEqual({ delivery: 'OUTBOX', server: null, settings: null });
    const test = await request<{ sendTestEmail: { ok: boolean; message: string } }>(TEST, { to: 'me@example.test' });
    expect(test.data!.sendTestEmail).toEqual({ ok: true, message: expect.stringContaining('written to the outbox folder') });
  });

  it('refuses bad settings field by field, saying what to fix', async () => {
    const r = await request(UPDATE, { i: settingsFor({ host: 'smtp://mail.example.test', port: 0, fromAddress: 'IT <it@example.test>', username: '' }) });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: {
        host: expect.stringContaining('without smtp://'),
        port: expect.stringContaining('between 1 and 65535'),
        fromAddress: expect.stringContaining('plain email address'),
        username: expect.stringContaining('username that goes with the password'),
      },
    });
    const bad = await request(TEST, { to: 'not an address' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: { to: expect.stringContaining('you@example.com') } });
  });

  it('saves the server, returns only passwordSet, and a test email arrives there with the organisation as sender', async () => {
    const saved = await request<{ updateMailSettings: { delivery: string; server: string; settings: Record<string, unknown> } }>(UPDATE, { i: settingsFor() });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateMailSettings).toEqual({
      delivery: 'ORGANISATION_SMTP',
      server: `127.0.0.1:${smtp.port}`,
      settings: { host: '127.0.0.1', port: smtp.port, security: 'NONE', username: 'mailer', passwordSet: true, fromAddress: 'it-help@example.test', fromName: 'Example IT', replyTo: 'help@example.test' },
    });

    const result = await request<{ sendTestEmail: { ok: boolean; message: string } }>(TEST, { to: 'admin@example.test' });
    expect(result.data!.sendTestEmail).toEqual({ ok: true, message: `127.0.0.1:${smtp.port} accepted the test email to admin@example.test. If it does not arrive, look in that mailbox's spam folder.` });
    const [message] = (await smtp.readMessages()).slice(-1);
    expect(message).toMatchObject({ user: 'mailer', envelope: { to: ['admin@example.test'], from: 'it-help@example.test' } });
    const email = await PostalMime.parse(message!.raw);
    expect(email.subject).toBe('Countersign test email');
    expect(email.from).toEqual({ name: 'Example IT', address: 'it-help@example.test' });
    expect(email.replyTo).toEqual([{ name: '', address: 'help@example.test' }]);
  });

  it('says in plain words why a test email failed: wrong password, no TLS on the port, connection refused', async () => {
    await request(UPDATE, { i: settingsFor({ password: 'wrong-s3cret' }) });
    const wrong = (await request<{ sendTestEmail: { ok: boolean; message: string } }>(TEST, { to: 'admin@example.test' })).data!.sendTestEmail;
    expect(wrong.ok).toBe(false);
    expect(wrong.message).toMatch(new RegExp(`^The mail server 127\\.0\\.0\\.1:${smtp.port} refused the login \\(535 .*\\); check the user and password in Settings › Outgoing mail\\.$`));
    expect(wrong.message).not.toContain('wrong-s3cret');

    await request(UPDATE, { i: settingsFor({ security: 'TLS' }) });
    const tls = (await request<{ sendTestEmail: { ok: boolean; message: string } }>(TEST, { to: 'admin@example.test' })).data!.sendTestEmail;
    expect(tls).toEqual({ ok: false, message: expect.stringContaining('does not speak TLS from the start on this port') });

    const closed = await freePort();
    await request(UPDATE, { i: settingsFor({ port: closed, password: '' }) });
    const refused = (await request<{ sendTestEmail: { ok: boolean; message: string } }>(TEST, { to: 'admin@example.test' })).data!.sendTestEmail;
    expect(refused).toEqual({ ok: false, message: `Could not connect to the mail server 127.0.0.1:${closed}: the connection was refused.` });

    // Each test and its outcome is in the audit history, by the admin who sent it; no password.
    await running.services.progress.waitFor(await running.services.store.headPosition());
    const audit = running.services.readDb.prepare("SELECT summary, actor_kind, data FROM audit_events WHERE type = 'TestEmailSent' ORDER BY position").all() as Array<{ summary: string; actor_kind: string; data: string }>;
    expect(audit.slice(-3).map((row) => row.summary)).toEqual([
      `Test email to admin@example.test failed: ${wrong.message}`,
      `Test email to admin@example.test failed: ${tls.message}`,
      `Test email to admin@example.test failed: ${refused.message}`,
    ]);
    expect(audit.every((row) => row.actor_kind === 'admin')).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('wrong-s3cret');
  });

  it('an empty password keeps the stored one; a token pack sent now goes through this server, not the outbox', async () => {
    await request(UPDATE, { i: settingsFor() });
    const kept = await request<{ updateMailSettings: { settings: { passwordSet: boolean; fromName: string } } }>(UPDATE, { i: settingsFor({ password: '', fromName: 'Example IT desk' }) });
    expect(kept.data!.updateMailSettings.settings).toMatchObject({ passwordSet: true, fromName: 'Example IT desk' });

    const outboxBefore = outbox().length;
    const send = await sendTemplatePack('ada@example.test');
    expect(send).toMatchObject({ status: 'SENT', reason: null });
    const delivered = (await smtp.readMessages()).filter((m) => m.envelope.to.includes('ada@example.test'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ user: 'mailer', envelope: { from: 'it-help@example.test' } });
    expect((await PostalMime.parse(delivered[0]!.raw)).from).toEqual({ name: 'Example IT desk', address: 'it-help@example.test' });
    expect(outbox()).toHaveLength(outboxBefore);
  });

  it('clearPassword removes the password; clearing the settings falls back to the outbox', async () => {
    const noPassword = await request<{ updateMailSettings: { settings: { passwordSet: boolean } } }>(UPDATE, { i: settingsFor({ password: null, clearPassword: true, username: null }) });
    expect(noPassword.data!.updateMailSettings.settings.passwordSet).toBe(false);
    const both = await request(UPDATE, { i: settingsFor({ clearPassword: true }) });
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: expect.stringContaining('not both') } });

    const cleared = await request<{ clearMailSettings: unknown }>(`mutation { clearMailSettings { ${OUTGOING} } }`);
    expect(cleared.data!.clearMailSettings).toEqual({ delivery: 'OUTBOX', server: null, settings: null });
    const smtpBefore = (await smtp.readMessages()).length;
    const outboxBefore = outbox().length;
    expect(await sendTemplatePack('bob@example.test')).toMatchObject({ status: 'SENT' });
    expect(outbox()).toHaveLength(outboxBefore + 1);
    expect(await smtp.readMessages()).toHaveLength(smtpBefore);
  });

  it('the password is sealed in the events, "[sealed]" in the audit history, and never in a response, an audit row or a log line', async () => {
    const events = await running.services.store.readStream(streamId('mailSettings', 'default', 'smtp'));
    const saved = events.filter((e) => e.type === 'MailSettingsUpdated').map((e) => (e.data as { password: string | null }).password);
    expect(saved.filter(Boolean).length).toBeGreaterThan(0);
    for (const password of saved.filter(Boolean)) expect(password).toMatch(/^sealed:/);

    const audit = await request<{ auditEvents: { edges: Array<{ node: { type: string; summary: string; data: { password: string | null } } }> } }>(
      '{ auditEvents(first: 50, filter: { categories: ["mailSettings"] }) { edges { node { type summary data } } } }',
    );
    const updates = audit.data!.auditEvents.edges.map((e) => e.node).filter((n) => n.type === 'MailSettingsUpdated');
    expect(updates[0]!.summary).toBe(`Outgoing mail set to 127.0.0.1:${smtp.port} (NONE), sent as it-help@example.test`);
    expect(updates.map((n) => n.data.password)).toContain('[sealed]');

    await running.services.progress.waitFor(await running.services.store.headPosition());
    const auditRows = JSON.stringify(running.services.readDb.prepare("SELECT * FROM audit_events WHERE type LIKE 'MailSettings%'").all());
    for (const secret of [PASSWORD, 'wrong-s3cret']) {
      expect(responses.join('\n')).not.toContain(secret);
      expect(auditRows).not.toContain(secret);
      expect(logLines.join('')).not.toContain(secret);
    }
    expect(logLines.length).toBeGreaterThan(0);
  });
});
