import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

describe('a built-in directory user chooses their password from an emailed link', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let userId: string;
  let connectorId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    connectorId = (await admin.request<{ directoryConnectors: Array<{ id: string }> }>('{ directoryConnectors { id } }')).data!.directoryConnectors[0]!.id;
    const added = await admin.request<{ addDirectoryUser: { id: string } }>(
      'mutation($c: ID!) { addDirectoryUser(connectorId: $c, input: { username: "pat", email: "pat@example.test", displayName: "Pat <b>Example</b>" }) { id } }',
      { c: connectorId },
    );
    userId = added.data!.addDirectoryUser.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function emailedLink(): Promise<string> {
    const outbox = join(server.dataDir, 'outbox');
    for (let i = 0; i < 100; i++) {
      const files = (() => { try { return readdirSync(outbox).filter((f) => f.endsWith('.eml')); } catch { return []; } })();
      for (const file of files) {
        const mail = await PostalMime.parse(readFileSync(join(outbox, file)));
        if (mail.to?.[0]?.address === 'pat@example.test') {
          expect(mail.html).toContain('Pat &lt;b&gt;Example&lt;/b&gt;');
          return /https?:\/\/\S+\/password\/\S+/.exec(mail.text ?? '')![0];
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('no password email in the outbox');
  }

  it('emails a single-use link; the page sets the password, and the link cannot be used again', async () => {
    const sent = await admin.request('mutation($id: ID!) { sendDirectoryUserPasswordLink(id: $id) }', { id: userId });
    expect(sent.data).toEqual({ sendDirectoryUserPasswordLink: true });
    const link = new URL(await emailedLink());
    const page = await fetch(link);
    expect(await page.text()).toContain('name="password"');
    const post = (password: string, confirm = password) =>
      fetch(`${server.url}${link.pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ t: link.searchParams.get('t')!, password, confirm }).toString() });

    expect(await (await post('new-password-1', 'different-1')).text()).toContain('not the same');
    expect(await (await post('short')).text()).toContain('at least 10 characters');
    const ok = await post('pat-chose-this-1');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Your password is set');
    expect(await server.services.directories.get('default', connectorId).authenticate('pat', 'pat-chose-this-1')).toMatchObject({ ok: true });
    const again = await post('another-password-1');
    expect(again.status).toBe(400);
    expect(await again.text()).toMatch(/already used|replaced/);
    await server.readModelsCaughtUp();
    const audit = JSON.stringify(server.services.readDb.prepare("SELECT data FROM audit_events WHERE type IN ('PasswordLinkIssued', 'PasswordSet')").all());
    expect(audit).not.toContain(link.searchParams.get('t')!);
    expect(audit).not.toContain('pat-chose-this-1');
  });
});
