import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SAML } from '@node-saml/node-saml';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { setUpGenericService, SP } from '../../test/support/saml-test-setup';
import { ssoClient } from '../../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const THEME = 'id name primaryColor accentColor logoUrl isDefault';
type Theme = { id: string; name: string; primaryColor: string; accentColor: string; logoUrl: string | null; isDefault: boolean };
const LOGO = 'https://cdn.example.test/acme-logo.png';

async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out');
}

describe('Settings › Themes through GraphQL, and the sign-in page in the default theme', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let setup: Awaited<ReturnType<typeof setUpGenericService>>;

  const create = (input: Record<string, unknown>) => admin.request<{ createTheme: Theme }>(`mutation($i: ThemeInput!) { createTheme(input: $i) { ${THEME} } }`, { i: input });
  const themes = async () => (await admin.request<{ themes: Theme[] }>(`{ themes { ${THEME} } }`)).data!.themes;
  /** The SAML password page a user's browser lands on, as HTML, with its CSP. */
  const signInPage = async () => {
    const provider = new SAML({ callbackUrl: SP.acsUrl, entryPoint: setup.service.ssoUrl, issuer: SP.entityId, audience: SP.entityId, idpCert: setup.connector.signingCertificate.certificatePem });
    const browser = ssoClient(server.url);
    const start = await browser.get(await provider.getAuthorizeUrlAsync('', undefined, {}));
    const page = await browser.get(start.headers.get('location')!);
    return { html: await page.text(), csp: page.headers.get('content-security-policy') ?? '' };
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    setup = await setUpGenericService(admin);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('without themes the sign-in page keeps the shipped look', async () => {
    const { html } = await signInPage();
    expect(html).toContain('<span class="logo" aria-hidden="true"></span>Countersign');
    expect(html).not.toContain('--accent-text');
  });

  it('creates themes (the first becomes the default), refuses bad input per field, updates and switches the default', async () => {
    const first = await create({ name: ' Acme gold ', primaryColor: '#F2C14E', accentColor: '#7A4E00', logoUrl: LOGO });
    expect(first.data!.createTheme).toMatchObject({ name: 'Acme gold', primaryColor: '#f2c14e', accentColor: '#7a4e00', logoUrl: LOGO, isDefault: true });
    const second = (await create({ name: 'Night', primaryColor: '#101820', accentColor: '#3a7bd5' })).data!.createTheme;
    expect(second.isDefault).toBe(false);

    const bad = await create({ name: 'acme GOLD', primaryColor: 'gold', accentColor: '#3a7bd5', logoUrl: 'http://cdn.example.test/x.png' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { name: expect.stringContaining('already exists'), primaryColor: expect.stringContaining('six hex digits'), logoUrl: expect.stringContaining('https://') },
    });

    const updated = await admin.request<{ updateTheme: Theme }>(`mutation($id: ID!, $i: ThemeInput!) { updateTheme(id: $id, input: $i) { ${THEME} } }`, {
      id: second.id, i: { name: 'Night sky', primaryColor: '#101820', accentColor: '#3a7bd5', logoUrl: '' },
    });
    expect(updated.data!.updateTheme).toMatchObject({ name: 'Night sky', logoUrl: null });

    const undeletable = await admin.request('mutation($id: ID!) { deleteTheme(id: $id) }', { id: first.data!.createTheme.id });
    expect(undeletable.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('make another theme the default') });

    const switched = await admin.request<{ setDefaultTheme: Theme }>(`mutation($id: ID!) { setDefaultTheme(id: $id) { ${THEME} } }`, { id: second.id });
    expect(switched.data!.setDefaultTheme.isDefault).toBe(true);
    expect((await themes()).map((t) => [t.name, t.isDefault])).toEqual([['Acme gold', false], ['Night sky', true]]);

    // Back to the gold theme for the page check; the other can go now.
    await admin.request(`mutation($id: ID!) { setDefaultTheme(id: $id) { id } }`, { id: first.data!.createTheme.id });
    expect((await admin.request<{ deleteTheme: boolean }>('mutation($id: ID!) { deleteTheme(id: $id) }', { id: second.id })).data!.deleteTheme).toBe(true);
    expect((await themes()).map((t) => t.name)).toEqual(['Acme gold']);
  });

  it('the SAML sign-in page carries the default theme: its colours, readable button text, and its logo', async () => {
    const { html, csp } = await signInPage();
    expect(html).toContain('--accent:#f2c14e');
    // Gold is pale: button text turns dark to stay readable.
    expect(html).toContain('--accent-text:#111111');
    expect(html).toContain('--link:#7a4e00');
    expect(html).toContain(`<img src="${LOGO}" alt="Logo">`);
    expect(html).toContain('<form method="post" action="/saml/');
    expect(csp).toContain('img-src https: data:');
  });

  it('the password link email and page carry the default theme too', async () => {
    const user = await admin.request<{ addDirectoryUser: { id: string } }>(
      'mutation($c: ID!) { addDirectoryUser(connectorId: $c, input: { username: "pat", email: "pat@example.test", displayName: "Pat" }) { id } }',
      { c: setup.directoryId },
    );
    await admin.request('mutation($id: ID!) { sendDirectoryUserPasswordLink(id: $id) }', { id: user.data!.addDirectoryUser.id });
    const outbox = join(server.dataDir, 'outbox');
    const mail = await until(async () => {
      const files = existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : [];
      const parsed = await Promise.all(files.map((f) => PostalMime.parse(readFileSync(join(outbox, f)))));
      return parsed.find((m) => m.to?.[0]?.address === 'pat@example.test');
    });
    expect(mail.html).toContain('background:#f2c14e;color:#111111');
    expect(mail.html).toContain(`<img src="${LOGO}"`);
    const link = new URL(/https?:\/\/\S+\/password\/\S+/.exec(mail.text ?? '')![0]);
    const page = await fetch(link);
    expect(await page.text()).toContain('--accent:#f2c14e');
    expect(page.headers.get('content-security-policy')).toContain('img-src https: data:');
  });

  it('a read-only API key can read themes but not change them', async () => {
    const reader = graphqlClient(server.url, { bearer: (await server.services.apiKeys.issue('reader', ['config:read'], { tenantId: 'default', actor: { kind: 'system', id: 't' }, correlationId: 'c', causationId: 'c' })).token });
    expect((await reader.request<{ themes: Theme[] }>(`{ themes { ${THEME} } }`)).data!.themes).toHaveLength(1);
    const refused = await reader.request('mutation { createTheme(input: { name: "x", primaryColor: "#000000", accentColor: "#000000" }) { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
