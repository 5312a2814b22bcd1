import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort } from '../../test/slapd/silent-server';
import { graphqlClient } from '../../test/support/graphql-client';
import { setUpGenericService, SP } from '../../test/support/saml-test-setup';
import type { HttpResponse } from '../../test/support/http-request';
import { formAction, ssoClient } from '../../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const request = (opts: { id?: string; issuer?: string; acs?: string; extra?: string } = {}) =>
  `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${opts.id ?? `_${randomUUID()}`}" Version="2.0" IssueInstant="${new Date().toISOString()}"${opts.acs ? ` AssertionConsumerServiceURL="${opts.acs}"` : ''}><saml:Issuer>${opts.issuer ?? SP.entityId}</saml:Issuer>${opts.extra ?? ''}</samlp:AuthnRequest>`;

describe('the IdP endpoints refuse bad input with a clear page and an event, never a stack trace', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let serviceId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    serviceId = (await setUpGenericService(admin)).service.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const lastRejection = async () => {
    await server.readModelsCaughtUp();
    return JSON.parse(server.services.readDb.prepare("SELECT data FROM audit_events WHERE type = 'AuthnRequestRejected' ORDER BY position DESC LIMIT 1").pluck().get() as string) as { code: string; reason: string };
  };

  async function expectRefused(res: HttpResponse, status: number, code: string, says: RegExp) {
    const html = await res.text();
    expect(res.status).toBe(status);
    expect(html).toMatch(says);
    expect(html).not.toMatch(/at [\w.<>]+ \(|\.ts:\d+|Error:/);
    expect((await lastRejection()).code).toBe(code);
  }

  const post = (samlRequest: string) => ssoClient(server.url).postForm(`/saml/${serviceId}/sso`, { SAMLRequest: samlRequest });
  const b64 = (xml: string) => Buffer.from(xml).toString('base64');

  it('bad base64', async () => {
    await expectRefused(await post('%%%not base64%%%'), 400, 'SAML_REQUEST_INVALID', /not valid|base64/i);
  });

  it('bad deflate on the Redirect binding', async () => {
    const res = await ssoClient(server.url).get(`/saml/${serviceId}/sso?SAMLRequest=${encodeURIComponent(Buffer.from('not deflated at all').toString('base64'))}`);
    await expectRefused(res, 400, 'SAML_REQUEST_INVALID', /deflate|compress|not valid/i);
  });

  it('a DTD with entities (billion laughs / external entity)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${request({ issuer: '&x;' })}`;
    await expectRefused(await post(b64(xxe)), 400, 'SAML_REQUEST_INVALID', /DTD|DOCTYPE|entit/i);
  });

  it('an issuer the service does not know', async () => {
    await expectRefused(await post(b64(request({ issuer: 'https://evil.example/sp' }))), 400, 'SAML_UNKNOWN_ISSUER', /does not know|trusts only/i);
  });

  it('an ACS URL that is not registered', async () => {
    await expectRefused(await post(b64(request({ acs: 'https://evil.example/acs' }))), 400, 'SAML_ACS_NOT_REGISTERED', /not registered|not a registered/i);
  });

  it('a replayed request ID', async () => {
    const id = `_${randomUUID()}`;
    expect((await post(b64(request({ id })))).status).toBe(303);
    await expectRefused(await post(b64(request({ id }))), 400, 'SAML_REPLAY', /already used/i);
  });

  it('oversized input is refused before it is read', async () => {
    const res = await post('A'.repeat(400_000));
    expect([400, 413]).toContain(res.status);
    expect(await res.text()).not.toMatch(/\.ts:\d+/);
  });

  it('a stopped service', async () => {
    await admin.request('mutation($id: ID!) { stopService(id: $id) { state } }', { id: serviceId });
    await expectRefused(await post(b64(request())), 503, 'SAML_SERVICE_STOPPED', /stopped/i);
    await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: serviceId });
  });

  it('a directory that is down: the user is told to try later, the admin sees why', async () => {
    const dead = await closedPort();
    const directory = await admin.request<{ createDirectoryConnector: { id: string } }>(
      'mutation($i: DirectoryConnectorInput!) { createDirectoryConnector(input: $i) { id } }',
      { i: { name: 'Down', type: 'OPENLDAP', hosts: [`127.0.0.1:${dead}`], security: 'NONE', baseDn: 'dc=example,dc=com', bindDn: 'cn=reader,dc=example,dc=com', bindPassword: 'x', connectTimeoutMs: 500, operationTimeoutMs: 500 } },
    );
    await admin.request('mutation($id: ID!) { stopService(id: $id) { state } }', { id: serviceId });
    await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', { id: serviceId, i: { directoryConnectorId: directory.data!.createDirectoryConnector.id } });
    await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: serviceId });
    const browser = ssoClient(server.url);
    const start = await browser.postForm(`/saml/${serviceId}/sso`, { SAMLRequest: b64(request()) });
    const page = await (await browser.get(start.headers.get('location')!)).text();
    const answer = await browser.postForm(formAction(page)!, { username: 'jo', password: 'whatever-it-is' });
    const html = await answer.text();
    expect(html).toMatch(/not available right now/i);
    expect(html).not.toMatch(/\.ts:\d+/);
    await server.readModelsCaughtUp();
    const failed = JSON.parse(server.services.readDb.prepare("SELECT data FROM audit_events WHERE type = 'PrimaryAuthFailed' ORDER BY position DESC LIMIT 1").pluck().get() as string);
    expect(failed.reason).toBe('DIRECTORY_UNREACHABLE');
  });
});
