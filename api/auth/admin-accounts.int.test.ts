import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';
import { tenantDecider } from '../domain/tenant';
import { randomToken, tokenHash } from './tokens';

type Client = ReturnType<typeof graphqlClient>;
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const INVITE = 'mutation($email: String!, $role: AdminRole!) { inviteAdmin(input: { email: $email, role: $role }) { id email role state invitedBy invitationExpiresAt } }';
const ACCEPT = 'mutation($t: String!, $p: String!) { acceptAdminInvitation(token: $t, password: $p) { admin { email role } } }';
const ADMINS = '{ admins { total admins { id email role state invitedBy lastSignInAt isYou } } }';

describe('admins and roles over GraphQL: invite, accept, change role, remove', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let owner: Client;
  let ownerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    owner = graphqlClient(server.url);
    await owner.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    ownerId = (await owner.request<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** Every invitation link mailed to `to` so far, oldest first; waits for at least `count`. */
  async function mailedLinks(to: string, count = 1): Promise<string[]> {
    const outbox = join(server.dataDir, 'outbox');
    for (let i = 0; i < 200; i++) {
      const links: Array<{ at: number; link: string }> = [];
      const files = (() => { try { return readdirSync(outbox).filter((f) => f.endsWith('.eml')); } catch { return []; } })();
      for (const file of files) {
        const mail = await PostalMime.parse(readFileSync(join(outbox, file)));
        if (mail.to?.[0]?.address !== to) continue;
        expect(mail.subject).toMatch(/invited to run Countersign/);
        links.push({ at: Date.parse(mail.date ?? '') || 0, link: /https?:\/\/\S+\/invitation\/[\w-]+/.exec(mail.text ?? '')![0] });
      }
      if (links.length >= count) return links.sort((a, b) => a.at - b.at).map((l) => l.link);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`fewer than ${count} invitation email(s) to ${to} in the outbox`);
  }
  const tokenOf = (link: string) => link.split('/invitation/')[1]!;
  const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;

  it('an invitee joins from the emailed link with their role, gets its permissions, changes role and loses access when removed', async () => {
    const invited = await owner.request<{ inviteAdmin: { id: string; state: string; invitedBy: string; invitationExpiresAt: string } }>(INVITE, { email: ' Ann.Auditor@Example.test ', role: 'AUDITOR' });
    expect(invited.data?.inviteAdmin).toMatchObject({ email: 'ann.auditor@example.test', role: 'AUDITOR', state: 'INVITED', invitedBy: TEST_ADMIN.email });
    const id = invited.data!.inviteAdmin.id;
    const [link] = await mailedLinks('ann.auditor@example.test');
    expect(link!.startsWith(`${server.url}/invitation/`)).toBe(true);

    // The page shows what the link is for, and refuses a short password per field.
    const anon = graphqlClient(server.url);
    const view = await anon.request('query($t: String!) { adminInvitation(token: $t) { email role organisation } }', { t: tokenOf(link!) });
    expect(view.data).toEqual({ adminInvitation: { email: 'ann.auditor@example.test', role: 'AUDITOR', organisation: expect.any(String) } });
    const short = await anon.request(ACCEPT, { t: tokenOf(link!), p: 'too-short' });
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fields: { password: 'use at least 12 characters' } });

    // Accepting signs the new admin in, as an auditor: the list is readable, changes are not.
    const ann = graphqlClient(server.url);
    const accepted = await ann.request(ACCEPT, { t: tokenOf(link!), p: 'ann-chose-this-passphrase' });
    expect(accepted.data).toEqual({ acceptAdminInvitation: { admin: { email: 'ann.auditor@example.test', role: 'AUDITOR' } } });
    expect((await ann.request('{ me { email role } }')).data).toEqual({ me: { email: 'ann.auditor@example.test', role: 'AUDITOR' } });
    const list = await ann.request<{ admins: { total: number; admins: Array<{ email: string; state: string; isYou: boolean; lastSignInAt: string | null }> } }>(ADMINS);
    expect(list.data!.admins.admins).toEqual(expect.arrayContaining([
      expect.objectContaining({ email: 'ann.auditor@example.test', state: 'ACTIVE', isYou: true, lastSignInAt: expect.any(String) }),
      expect.objectContaining({ email: TEST_ADMIN.email, state: 'ACTIVE', isYou: false, invitedBy: null }),
    ]));
    expect(codeOf(await ann.request(INVITE, { email: 'x@example.test', role: 'ADMIN' }))).toBe('FORBIDDEN');
    expect(codeOf(await anon.request(ACCEPT, { t: tokenOf(link!), p: 'another-long-passphrase' }))).toBe('INVITATION_USED');
    // She can sign in again later with the password she chose.
    expect((await graphqlClient(server.url).request(SIGN_IN, { e: 'ann.auditor@example.test', p: 'ann-chose-this-passphrase' })).errors).toBeUndefined();

    // Promoted to admin: the next request has the new role, which still cannot manage admins.
    const promoted = await owner.request('mutation($id: ID!) { changeAdminRole(id: $id, role: ADMIN) { role } }', { id });
    expect(promoted.data).toEqual({ changeAdminRole: { role: 'ADMIN' } });
    expect((await ann.request('{ me { role } }')).data).toEqual({ me: { role: 'ADMIN' } });
    expect(codeOf(await ann.request(INVITE, { email: 'x@example.test', role: 'AUDITOR' }))).toBe('FORBIDDEN');
    expect(codeOf(await ann.request('mutation($id: ID!) { removeAdmin(id: $id) { id } }', { id: ownerId }))).toBe('FORBIDDEN');

    // Removed: her very next request is unauthenticated, and she no longer shows by default.
    const removed = await owner.request('mutation($id: ID!) { removeAdmin(id: $id) { state } }', { id });
    expect(removed.data).toEqual({ removeAdmin: { state: 'REMOVED' } });
    expect((await ann.request('{ me { email } }')).data).toEqual({ me: null });
    expect(codeOf(await ann.request(ADMINS))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graphqlClient(server.url).request(SIGN_IN, { e: 'ann.auditor@example.test', p: 'ann-chose-this-passphrase' }))).toBe('INVALID_CREDENTIALS');
    const visible = await owner.request<{ admins: { admins: Array<{ email: string }> } }>(ADMINS);
    expect(visible.data!.admins.admins.map((a) => a.email)).not.toContain('ann.auditor@example.test');
    const withRemoved = await owner.request<{ admins: { admins: Array<{ email: string; state: string }> } }>('{ admins(states: [REMOVED], search: "ANN") { admins { email state } } }');
    expect(withRemoved.data!.admins.admins).toEqual([{ email: 'ann.auditor@example.test', state: 'REMOVED' }]);

    // The audit history tells the story in plain words, without the token or the password hash.
    await server.readModelsCaughtUp();
    const audit = server.services.readDb
      .prepare("SELECT type, summary, data FROM audit_events WHERE type LIKE 'Admin%' AND type NOT LIKE 'AdminSign%' ORDER BY position")
      .all() as Array<{ type: string; summary: string; data: string }>;
    expect(audit.map((a) => a.summary)).toEqual(expect.arrayContaining([
      'Admin ann.auditor@example.test invited as auditor',
      'Admin ann.auditor@example.test accepted the invitation and joined as auditor',
      'Admin ann.auditor@example.test is now admin',
      'Admin ann.auditor@example.test (admin) removed; their sessions ended',
    ]));
    const stored = JSON.stringify(audit);
    expect(stored).not.toContain(tokenOf(link!));
    expect(stored).not.toContain('ann-chose-this-passphrase');
    expect(stored).not.toMatch(/sealed:v\d/);
  });

  it('refuses duplicate emails, demoting or removing the last owner, and removing yourself, with codes that say what to fix', async () => {
    const taken = await owner.request(INVITE, { email: TEST_ADMIN.email.toUpperCase(), role: 'ADMIN' });
    expect(taken.errors?.[0]).toMatchObject({ message: expect.stringMatching(/already exists; change their role/), extensions: { code: 'ADMIN_EMAIL_TAKEN', fields: { email: expect.any(String) } } });
    expect(codeOf(await owner.request(INVITE, { email: 'pending@example.test', role: 'ADMIN' }))).toBeUndefined();
    const twice = await owner.request(INVITE, { email: 'pending@example.test', role: 'OWNER' });
    expect(twice.errors?.[0]).toMatchObject({ message: expect.stringMatching(/pending invitation; resend it/), extensions: { code: 'ADMIN_EMAIL_TAKEN' } });
    expect(codeOf(await owner.request(INVITE, { email: 'not-an-email', role: 'ADMIN' }))).toBe('VALIDATION_FAILED');

    const demote = await owner.request('mutation($id: ID!) { changeAdminRole(id: $id, role: AUDITOR) { role } }', { id: ownerId });
    expect(demote.errors?.[0]).toMatchObject({ message: expect.stringMatching(/last owner; make another admin an owner first/), extensions: { code: 'LAST_OWNER' } });
    const self = await owner.request('mutation($id: ID!) { removeAdmin(id: $id) { id } }', { id: ownerId });
    expect(self.errors?.[0]).toMatchObject({ message: expect.stringMatching(/cannot remove yourself/), extensions: { code: 'CANNOT_REMOVE_SELF' } });
    expect(codeOf(await owner.request('mutation { removeAdmin(id: "no-such-admin") { id } }'))).toBe('NOT_FOUND');
  });

  it('an expired, revoked, replaced or made-up link says why it does not work', async () => {
    const anon = graphqlClient(server.url);
    const view = (token: string) => anon.request('query($t: String!) { adminInvitation(token: $t) { email } }', { t: token });

    // Expired: an invitation whose 7 days are over (written with an end in the past).
    const expiredToken = randomToken();
    await server.services.execute(tenantDecider, 'tenant-default-default', {
      type: 'InviteAdmin', adminId: randomUUID(), email: 'late@example.test', role: 'admin', invitedBy: ownerId, tokenHash: tokenHash(expiredToken),
      link: server.services.sealer.seal(`${server.url}/invitation/${expiredToken}`, 'admin:invitationLink'), expiresAt: new Date(Date.now() - 60_000).toISOString(),
    }, { tenantId: 'default', actor: { kind: 'admin', id: ownerId }, correlationId: 'c', causationId: 'c' });
    expect((await view(expiredToken)).errors?.[0]).toMatchObject({ message: expect.stringMatching(/expired; ask an owner/), extensions: { code: 'INVITATION_EXPIRED' } });
    expect(codeOf(await anon.request(ACCEPT, { t: expiredToken, p: 'long-enough-passphrase' }))).toBe('INVITATION_EXPIRED');

    // Resent: the first link stops working, the new one works; revoked: the new one stops too.
    const invited = await owner.request<{ inviteAdmin: { id: string } }>(INVITE, { email: 'rex@example.test', role: 'ADMIN' });
    const id = invited.data!.inviteAdmin.id;
    const [first] = await mailedLinks('rex@example.test');
    const resent = await owner.request('mutation($id: ID!) { resendAdminInvitation(id: $id) { state } }', { id });
    expect(resent.data).toEqual({ resendAdminInvitation: { state: 'INVITED' } });
    const links = await mailedLinks('rex@example.test', 2);
    const second = links.find((l) => l !== first)!;
    expect((await view(tokenOf(first!))).errors?.[0]).toMatchObject({ message: expect.stringMatching(/newer invitation/), extensions: { code: 'INVITATION_INVALID' } });
    expect((await view(tokenOf(second))).data).toEqual({ adminInvitation: { email: 'rex@example.test' } });
    const revoked = await owner.request('mutation($id: ID!) { revokeAdminInvitation(id: $id) { state } }', { id });
    expect(revoked.data).toEqual({ revokeAdminInvitation: { state: 'REMOVED' } });
    expect((await anon.request(ACCEPT, { t: tokenOf(second), p: 'long-enough-passphrase' })).errors?.[0]).toMatchObject({ message: expect.stringMatching(/withdrawn/), extensions: { code: 'INVITATION_REVOKED' } });
    expect(codeOf(await owner.request('mutation($id: ID!) { resendAdminInvitation(id: $id) { state } }', { id }))).toBe('INVITATION_NOT_PENDING');

    expect((await view('made-up-token')).errors?.[0]).toMatchObject({ message: expect.stringMatching(/not valid; open the link in the latest invitation email/), extensions: { code: 'INVITATION_INVALID' } });
  });

  it('guessing invitation links is rate-limited per address, like admin sign-in', async () => {
    const anon = graphqlClient(server.url);
    let last: unknown;
    for (let i = 0; i < 12 && last !== 'RATE_LIMITED'; i++) last = codeOf(await anon.request(ACCEPT, { t: `guess-${i}`, p: 'long-enough-passphrase' }));
    expect(last).toBe('RATE_LIMITED');
    const blocked = await anon.request('query { adminInvitation(token: "another-guess") { email } }');
    expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
  });
});
