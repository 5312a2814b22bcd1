import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startSmtpTestServer, type SmtpTestServer } from '../../test/smtp/start-smtp-test-server';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';
import { deriveKey } from '../auth';
import { streamId } from '../commands';
import { hashPassword } from '../crypto';
import { tenantDecider } from '../domain/tenant';
import { verifyEnrollmentLink } from './enrollment-link';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const PACK = 'id name icon primaryDirectoryId primaryDirectoryName template theme { primaryColor accentColor logoUrl } services { serviceId name enabled } trustedNetworks { id name cidr description }';
const SEND = 'id email status reason expiresAt';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Send = { id: string; email: string; status: string; reason: string | null; expiresAt: string };
type Pack = {
  id: string;
  name: string;
  primaryDirectoryId: string | null;
  primaryDirectoryName: string | null;
  template: boolean;
  theme: { primaryColor: string; accentColor: string; logoUrl: string | null };
  services: Array<{ serviceId: string; name: string; enabled: boolean }>;
  trustedNetworks: Array<{ id: string; name: string; cidr: string; description: string }>;
};

const masterKey = randomBytes(32);
const linkKey = deriveKey(masterKey, 'enrollment-link');

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('token packs through GraphQL, mailed over real SMTP', () => {
  let smtp: SmtpTestServer;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let packId: string;

  const pack = async (id = packId) => (await admin.request<{ tokenPack: Pack & { sends: Send[] } }>(`query($id: ID!) { tokenPack(id: $id) { ${PACK} sends { ${SEND} } } }`, { id })).data!.tokenPack;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ rejectRecipients: ['gone@example.test'] });
    server = await startTestServer({ SMTP_URL: smtp.url, COUNTERSIGN_MAIL_FROM: 'countersign@example.test', COUNTERSIGN_MASTER_KEY: masterKey.toString('base64') });
    admin = graphqlClient(server.url);
    await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  it('every organisation starts with a template token pack: its first directory, its services enabled', async () => {
    const directories = (await admin.request<{ directoryConnectors: Array<{ id: string; name: string }> }>('{ directoryConnectors { id name } }')).data!.directoryConnectors;
    const services = (await admin.request<{ services: Array<{ id: string }> }>('{ services { id } }')).data!.services;
    const packs = (await admin.request<{ tokenPacks: Pack[] }>(`{ tokenPacks { ${PACK} } }`)).data!.tokenPacks;
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ name: 'Default token pack', template: true, primaryDirectoryId: directories[0]!.id, primaryDirectoryName: directories[0]!.name, trustedNetworks: [] });
    expect(packs[0]!.services).toEqual(services.map((s) => expect.objectContaining({ serviceId: s.id, enabled: true })));
  });

  it('creates and edits a pack; a field left out keeps its value, bad settings are refused field by field', async () => {
    const directoryId = (await admin.request<{ directoryConnectors: Array<{ id: string }> }>('{ directoryConnectors { id } }')).data!.directoryConnectors[0]!.id;
    const created = await admin.request<{ createTokenPack: Pack }>(
      `mutation($d: ID!) { createTokenPack(input: { name: " Field staff ", primaryDirectoryId: $d, theme: { primaryColor: "#0B6E4F" } }) { ${PACK} } }`,
      { d: directoryId },
    );
    packId = created.data!.createTokenPack.id;
    expect(created.data!.createTokenPack).toMatchObject({ name: 'Field staff', template: false, theme: { primaryColor: '#0b6e4f', accentColor: '#2e86de', logoUrl: null } });

    const updated = await admin.request<{ updateTokenPack: Pack }>(`mutation($id: ID!) { updateTokenPack(id: $id, input: { theme: { accentColor: "#f0883e" } }) { ${PACK} } }`, { id: packId });
    expect(updated.data!.updateTokenPack).toMatchObject({ name: 'Field staff', primaryDirectoryId: directoryId, theme: { primaryColor: '#0b6e4f', accentColor: '#f0883e' } });

    const bad = await admin.request(`mutation($id: ID!) { updateTokenPack(id: $id, input: { name: "", primaryDirectoryId: "nope", theme: { primaryColor: "green" } }) { id } }`, { id: packId });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { name: 'Give the token pack a name.', primaryDirectoryId: expect.stringContaining('No directory connector'), 'theme.primaryColor': expect.stringContaining('six hex digits') },
    });
  });

  it('toggles the services a pack enables', async () => {
    const serviceId = (await pack()).services[0]!.serviceId;
    const on = await admin.request<{ setTokenPackService: Pack }>('mutation($p: ID!, $s: ID!) { setTokenPackService(tokenPackId: $p, serviceId: $s, enabled: true) { services { serviceId enabled } } }', { p: packId, s: serviceId });
    expect(on.data!.setTokenPackService.services).toContainEqual({ serviceId, enabled: true });
    const off = await admin.request<{ setTokenPackService: Pack }>('mutation($p: ID!, $s: ID!) { setTokenPackService(tokenPackId: $p, serviceId: $s, enabled: false) { services { serviceId enabled } } }', { p: packId, s: serviceId });
    expect(off.data!.setTokenPackService.services).toContainEqual({ serviceId, enabled: false });
    const unknown = await admin.request('mutation($p: ID!) { setTokenPackService(tokenPackId: $p, serviceId: "nope", enabled: true) { id } }', { p: packId });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: { serviceId: expect.stringContaining('No service') } });
  });

  it('trusts IPv4 and IPv6 networks in canonical form, and refuses a bad range on its field', async () => {
    const add = (name: string, cidr: string) =>
      admin.request<{ addTrustedNetwork: Pack }>(`mutation($p: ID!, $i: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $p, input: $i) { ${PACK} } }`, { p: packId, i: { name, cidr, description: `${name} network` } });
    await add('Head office', '192.168.1.77/24');
    const both = (await add('Lab', '2001:DB8:0:0::/48')).data!.addTrustedNetwork.trustedNetworks;
    expect(both.map((n) => [n.name, n.cidr, n.description])).toEqual([
      ['Head office', '192.168.1.0/24', 'Head office network'],
      ['Lab', '2001:db8::/48', 'Lab network'],
    ]);

    const bad = await add('Typo', '10.0.0.0/33');
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'VALIDATION_FAILED', fields: { cidr: 'An IPv4 prefix length is at most 32.' } } });
    const again = await add('Again', '192.168.1.200/24');
    expect(again.errors?.[0]?.extensions?.fields).toEqual({ cidr: '192.168.1.0/24 is already trusted, as "Head office".' });

    const removed = await admin.request<{ removeTrustedNetwork: Pack }>('mutation($p: ID!, $n: ID!) { removeTrustedNetwork(tokenPackId: $p, networkId: $n) { trustedNetworks { name } } }', { p: packId, n: both[1]!.id });
    expect(removed.data!.removeTrustedNetwork.trustedNetworks).toEqual([{ name: 'Head office' }]);
  });

  it('mails one email per address with an inline QR PNG and a working link, and the sends become SENT', async () => {
    const before = (await smtp.readMessages()).length;
    const r = await admin.request<{ sendTokenPack: Send[] }>(
      `mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e, expiresInDays: 3) { ${SEND} } }`,
      { p: packId, e: ['ada@example.test', 'Bob@Example.test, ada@example.test'] },
    );
    expect(r.errors).toBeUndefined();
    const sends = r.data!.sendTokenPack;
    expect(sends.map((s) => [s.email, s.status])).toEqual([['ada@example.test', 'QUEUED'], ['Bob@Example.test', 'QUEUED']]);
    expect(Date.parse(sends[0]!.expiresAt) - Date.now()).toBeGreaterThan(3 * 86_400_000 - 60_000);

    const messages = (await until(() => smtp.readMessages(), (m) => m.length >= before + 2, 'two emails')).slice(before);
    // The domain of an address is case-insensitive; the mail library sends it in lower case.
    expect(messages.map((m) => m.envelope.to[0]!.toLowerCase()).sort()).toEqual(['ada@example.test', 'bob@example.test']);
    for (const message of messages) {
      const email = await PostalMime.parse(message.raw);
      expect(email.subject).toBe('Set up your phone to approve sign-ins (Field staff)');
      expect(email.from).toMatchObject({ address: 'countersign@example.test' });
      const qr = email.attachments.find((a) => a.mimeType === 'image/png')!;
      expect(qr).toMatchObject({ disposition: 'inline', contentId: expect.stringMatching(/^<qr-.+@countersign>$/) });
      expect(email.html).toContain(`cid:${qr.contentId!.slice(1, -1)}`);
      expect(Buffer.from(qr.content as ArrayBuffer).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

      const link = /(http:\/\/\S+\/enroll\/\S+)/.exec(email.text!)![1]!;
      expect(link.startsWith(`${server.url}/enroll/default/${packId}?t=`)).toBe(true);
      expect(email.html).toContain(`href="${link}"`);
      const payload = verifyEnrollmentLink(new URL(link).searchParams.get('t')!, linkKey, new Date(), { tenantId: 'default', tokenPackId: packId });
      expect(sends.find((s) => s.email.toLowerCase() === message.envelope.to[0]!.toLowerCase())!.id).toBe(payload.sendId);
    }

    const done = await until(() => pack(), (p) => p.sends.filter((s) => s.status === 'SENT').length === 2, 'both sends SENT');
    expect(done.sends.map((s) => s.status)).toEqual(['SENT', 'SENT']);
  });

  it('keeps the enrollment link sealed in the event store', async () => {
    const events = await server.services.store.readStream(streamId('tokenPack', 'default', packId));
    const requested = events.filter((e) => e.type === 'TokenPackSendRequested').map((e) => e.data as { enrollmentUrl: string });
    expect(requested.length).toBeGreaterThan(0);
    for (const { enrollmentUrl } of requested) {
      expect(enrollmentUrl).toMatch(/^sealed:v1:/);
      expect(enrollmentUrl).not.toContain('/enroll/');
    }
    expect(events.filter((e) => e.type === 'TokenPackEmailSent').map((e) => e.metadata.actor)).toEqual([
      { kind: 'system', id: 'mail-worker' },
      { kind: 'system', id: 'mail-worker' },
    ]);
  });

  it('a recipient the mail server refuses becomes FAILED with the reason', async () => {
    const r = await admin.request<{ sendTokenPack: Send[] }>(`mutation($p: ID!) { sendTokenPack(tokenPackId: $p, emails: ["gone@example.test"]) { ${SEND} } }`, { p: packId });
    const sendId = r.data!.sendTokenPack[0]!.id;
    const failed = await until(() => pack(), (p) => p.sends.find((s) => s.id === sendId)!.status !== 'QUEUED', 'the refused send to fail');
    expect(failed.sends.find((s) => s.id === sendId)).toMatchObject({
      status: 'FAILED',
      reason: expect.stringContaining('The mail server refused the recipient gone@example.test (550 5.1.1'),
    });
  });

  it('refuses bad addresses, naming each one, and queues nothing', async () => {
    const sendsBefore = (await pack()).sends.length;
    const r = await admin.request(`mutation($p: ID!) { sendTokenPack(tokenPackId: $p, emails: ["ok@example.test", "bob@", "carol.example.test"]) { id } }`, { p: packId });
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      invalidEmails: [
        { email: 'bob@', problem: expect.stringContaining('no valid domain') },
        { email: 'carol.example.test', problem: expect.stringContaining('has no @') },
      ],
    });
    expect(r.errors?.[0]?.message).toMatch(/^2 addresses cannot be used: "bob@"/);
    const tooLong = await admin.request(`mutation($p: ID!) { sendTokenPack(tokenPackId: $p, emails: ["ok@example.test"], expiresInDays: 400) { id } }`, { p: packId });
    expect(tooLong.errors?.[0]?.extensions?.fields).toEqual({ expiresInDays: expect.stringContaining('1 to 90') });
    expect((await pack()).sends).toHaveLength(sendsBefore);
  });

  it('an auditor or a read-only API key can read token packs but not send or change them', async () => {
    const ctx = { tenantId: 'default', actor: { kind: 'system' as const, id: 't' }, correlationId: 'c', causationId: 'c' };
    const reader = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('reader', ['config:read'], ctx)).token });
    await server.services.execute(tenantDecider, streamId('tenant', 'default', 'default'), {
      type: 'AddAdmin', adminId: 'auditor-tp', email: 'auditor-tp@example.test', role: 'auditor', passwordHash: server.services.sealer.seal(await hashPassword('auditor-password-tp'), 'admin:passwordHash'),
    }, ctx);
    const auditor = graphqlClient(server.url);
    await auditor.request(SIGN_IN, { e: 'auditor-tp@example.test', p: 'auditor-password-tp' });
    const sendsBefore = (await pack()).sends.length;
    const mutations = [
      'mutation($id: ID!) { sendTokenPack(tokenPackId: $id, emails: ["eve@example.test"]) { id } }',
      'mutation { createTokenPack(input: { name: "x" }) { id } }',
      'mutation($id: ID!) { updateTokenPack(id: $id, input: { name: "y" }) { id } }',
      'mutation($id: ID!) { deleteTokenPack(id: $id) }',
      'mutation($id: ID!) { setTokenPackService(tokenPackId: $id, serviceId: "s", enabled: true) { id } }',
      'mutation($id: ID!) { addTrustedNetwork(tokenPackId: $id, input: { name: "n", cidr: "10.0.0.0/8" }) { id } }',
      'mutation($id: ID!) { removeTrustedNetwork(tokenPackId: $id, networkId: "n") { id } }',
    ];
    for (const client of [reader, auditor]) {
      expect((await client.request<{ tokenPacks: unknown[] }>('{ tokenPacks { id sends { status } trustedNetworks { cidr } } }')).data?.tokenPacks.length).toBeGreaterThan(0);
      for (const mutation of mutations) {
        const r = await client.request(mutation, mutation.includes('$id') ? { id: packId } : {});
        expect(r.errors?.[0]?.extensions?.code, mutation).toBe('FORBIDDEN');
      }
    }
    expect((await pack()).sends).toHaveLength(sendsBefore);
  });

  it('deletes a pack', async () => {
    expect((await admin.request('mutation($id: ID!) { deleteTokenPack(id: $id) }', { id: packId })).data).toEqual({ deleteTokenPack: true });
    const gone = await admin.request('query($id: ID!) { tokenPack(id: $id) { id } }', { id: packId });
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('token pack email in single-node mode', () => {
  it('is written to the outbox folder when no SMTP_URL is set', async () => {
    const server = await startTestServer();
    try {
      const admin = graphqlClient(server.url);
      await admin.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
      const packId = (await admin.request<{ tokenPacks: Array<{ id: string }> }>('{ tokenPacks { id } }')).data!.tokenPacks[0]!.id;
      const r = await admin.request<{ sendTokenPack: Send[] }>('mutation($p: ID!) { sendTokenPack(tokenPackId: $p, emails: ["dora@example.test"]) { id } }', { p: packId });
      const sendId = r.data!.sendTokenPack[0]!.id;
      const outbox = join(server.dataDir, 'outbox');
      const files = await until(async () => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []), (f) => f.length === 1, 'the outbox file');
      const email = await PostalMime.parse(readFileSync(join(outbox, files[0]!)));
      expect(email.to).toEqual([{ address: 'dora@example.test', name: '' }]);
      expect(email.text).toContain(`/enroll/default/${packId}?t=`);
      const status = () => admin.request<{ tokenPack: { sends: Send[] } }>('query($p: ID!) { tokenPack(id: $p) { sends { id status } } }', { p: packId });
      await until(status, (s) => s.data!.tokenPack.sends.find((x) => x.id === sendId)?.status === 'SENT', 'the send to be SENT');
    } finally {
      await server.stop();
    }
  });
});
