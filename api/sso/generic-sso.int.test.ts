import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlsec1Verify } from '../../test/saml/xmlsec1-verify';
import { graphqlClient } from '../../test/support/graphql-client';
import { setUpGenericService, SP, USER } from '../../test/support/saml-test-setup';
import type { HttpResponse } from '../../test/support/http-request';
import { formAction, formField, ssoClient } from '../../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

describe('a generic SAML service provider (@node-saml/node-saml, strict) signs in through the IdP', () => {
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

  const sp = (binding: 'redirect' | 'post') =>
    new SAML({
      callbackUrl: SP.acsUrl,
      entryPoint: setup.service.ssoUrl,
      issuer: SP.entityId,
      audience: SP.entityId,
      idpCert: setup.connector.signingCertificate.certificatePem,
      idpIssuer: setup.connector.issuer,
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: true,
      validateInResponseTo: ValidateInResponseTo.always,
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
      ...(binding === 'post' ? { authnRequestBinding: 'HTTP-POST' } : {}),
    });

  for (const binding of ['redirect', 'post'] as const) {
    it(`HTTP-${binding === 'redirect' ? 'Redirect' : 'POST'} AuthnRequest → password → signed Response the SP accepts, RelayState unchanged`, async () => {
      const provider = sp(binding);
      const relayState = `back-to=/reports?q=1&binding=${binding}`;
      const browser = ssoClient(server.url);
      let start: HttpResponse;
      if (binding === 'redirect') {
        start = await browser.get(await provider.getAuthorizeUrlAsync(relayState, undefined, {}));
      } else {
        const form = await provider.getAuthorizeFormAsync(relayState, undefined, {});
        start = await browser.postForm(formAction(form)!, { SAMLRequest: formField(form, 'SAMLRequest')!, RelayState: formField(form, 'RelayState')! });
      }
      expect(start.status).toBe(303);
      const page = await (await browser.get(start.headers.get('location')!)).text();
      const answer = await browser.postForm(formAction(page)!, { username: USER.username, password: USER.password });
      const html = await answer.text();
      expect(formAction(html)).toBe(SP.acsUrl);
      expect(formField(html, 'RelayState')).toBe(relayState);
      const samlResponse = formField(html, 'SAMLResponse')!;
      const { profile } = await provider.validatePostResponseAsync({ SAMLResponse: samlResponse, RelayState: relayState });
      expect(profile).toMatchObject({ nameID: USER.email, email: USER.email, displayName: USER.displayName });
      const xml = Buffer.from(samlResponse, 'base64').toString();
      expect((await xmlsec1Verify(xml, setup.connector.signingCertificate.certificatePem)).ok).toBe(true);
      expect((await xmlsec1Verify(xml, setup.connector.signingCertificate.certificatePem, { signatureOf: 'assertion' })).ok).toBe(true);
    });
  }

  it('publishes metadata with the same certificate and endpoints', async () => {
    const metadata = await (await fetch(`${server.url}/saml/${setup.service.id}/metadata`)).text();
    expect(metadata).toContain(`entityID="${setup.connector.issuer}"`);
    expect(metadata).toContain(setup.service.ssoUrl);
    const der = setup.connector.signingCertificate.certificatePem.replace(/-----[^-]+-----|\s/g, '');
    expect(metadata).toContain(der);
  });
});
