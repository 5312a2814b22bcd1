import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { setUpGenericService, USER } from '../../test/support/saml-test-setup';
import { formAction, formField, ssoClient } from '../../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

describe('Test your setup: a sign-in to the built-in test service provider', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let setup: Awaited<ReturnType<typeof setUpGenericService>>;

  beforeAll(async () => {
    server = await startTestServer();
    const admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    setup = await setUpGenericService(admin);
  });
  afterAll(async () => {
    await server?.stop();
  });

  async function testSignIn(password: string) {
    const browser = ssoClient(server.url);
    const start = await browser.get(`/saml/${setup.service.id}/test`);
    expect(start.status).toBe(303);
    const page = await (await browser.get(start.headers.get('location')!)).text();
    return browser.postForm(formAction(page)!, { username: USER.username, password });
  }

  it('asks for the password, signs the answer with the service key, and the independent test SP accepts it', async () => {
    const answer = await testSignIn(USER.password);
    const form = await answer.text();
    expect(formAction(form)).toBe(`${server.url}/test-sp/acs`);
    const result = await fetch(`${server.url}/test-sp/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLResponse: formField(form, 'SAMLResponse')!, RelayState: formField(form, 'RelayState')! }).toString(),
    });
    const html = await result.text();
    expect(result.status).toBe(200);
    expect(html).toContain('Your set-up works');
    expect(html).toContain(USER.email);
    expect(html).toContain('password only');
    await server.readModelsCaughtUp();
    const events = server.services.readDb.prepare("SELECT type, data FROM audit_events WHERE category = 'authentication' ORDER BY position").all() as Array<{ type: string; data: string }>;
    expect(events.some((e) => e.type === 'AuthnRequestReceived' && JSON.parse(e.data).binding === 'idp-initiated')).toBe(true);
  });

  it('says plainly when the answer does not verify', async () => {
    const answer = await testSignIn(USER.password);
    const form = await answer.text();
    const tampered = Buffer.from(Buffer.from(formField(form, 'SAMLResponse')!, 'base64').toString('utf8').replace(USER.email, 'mallory@example.test')).toString('base64');
    const result = await fetch(`${server.url}/test-sp/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLResponse: tampered, RelayState: setup.service.id }).toString(),
    });
    expect(result.status).toBe(400);
    expect(await result.text()).toContain('Test failed');
  });
});
