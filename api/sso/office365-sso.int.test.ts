import { randomUUID } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlsec1Verify } from '../../test/saml/xmlsec1-verify';
import { fixtureUsers } from '../../test/slapd/fixture-users';
import { slapdAvailability, startSlapd, type RunningSlapd } from '../../test/slapd/start-slapd';
import { graphqlClient } from '../../test/support/graphql-client';
import { formAction, formField, ssoClient } from '../../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';

const availability = slapdAvailability();
if (!availability.available) console.warn(`Skipping the Office 365 SSO tests: ${availability.reason}`);

const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';

/** An AuthnRequest shaped exactly like Entra ID's: unsigned, no Destination, no ACS, persistent NameIDPolicy. */
function entraAuthnRequest(id = `_${randomUUID()}`): { id: string; xml: string } {
  return {
    id,
    xml:
      `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}" IssueInstant="${new Date().toISOString()}" Version="2.0">` +
      '<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">urn:federation:MicrosoftOnline</Issuer>' +
      '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"/></samlp:AuthnRequest>',
  };
}

describe.skipIf(!availability.available)('Office 365 sign-in through the IdP endpoints', () => {
  let slapd: RunningSlapd;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let admin: ReturnType<typeof graphqlClient>;
  let serviceId: string;
  let certificatePem: string;
  const issuer = 'https://idp.countersign.test/contoso';
  const { alice } = fixtureUsers;

  beforeAll(async () => {
    slapd = await startSlapd({ users: 5 });
    server = await startTestServer();
    admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const directory = await admin.request<{ createDirectoryConnector: { id: string } }>(
      'mutation($i: DirectoryConnectorInput!) { createDirectoryConnector(input: $i) { id } }',
      { i: { name: 'Contoso AD', type: 'OPENLDAP', hosts: ['127.0.0.1'], port: slapd.ldapPort, security: 'STARTTLS', caCertificatePem: slapd.caPem, baseDn: slapd.baseDn, bindDn: slapd.bindDn, bindPassword: slapd.bindPassword, upnProperty: 'userPrincipalName', immutableIdProperty: 'objectGUID' } },
    );
    const connectors = await admin.request<{ samlConnectors: Array<{ id: string; kind: string }> }>('{ samlConnectors { id kind } }');
    const o365 = connectors.data!.samlConnectors.find((c) => c.kind === 'OFFICE_365')!;
    const updated = await admin.request<{ updateSamlConnector: { signingCertificate: { certificatePem: string } } }>(
      'mutation($id: ID!, $i: SamlConnectorInput!) { updateSamlConnector(id: $id, input: $i) { signingCertificate { certificatePem } } }',
      { id: o365.id, i: { federatedDomain: 'countersign.test', brandName: 'Contoso', issuerUri: issuer, immutableIdAttribute: 'objectGUID', upnAttribute: 'userPrincipalName' } },
    );
    expect(updated.errors).toBeUndefined();
    certificatePem = updated.data!.updateSamlConnector.signingCertificate.certificatePem;
    const services = await admin.request<{ services: Array<{ id: string; samlConnectorId: string }> }>('{ services { id samlConnectorId } }');
    serviceId = services.data!.services.find((s) => s.samlConnectorId === o365.id)!.id;
    // The second factor arrives with authenticator enrollment; here it is switched off explicitly.
    const configured = await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', {
      id: serviceId, i: { directoryConnectorId: directory.data!.createDirectoryConnector.id, secondFactor: 'OFF' },
    });
    expect(configured.errors).toBeUndefined();
    expect((await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: serviceId })).data).toEqual({ startService: { state: 'STARTED' } });
  });
  afterAll(async () => {
    await server?.stop();
    await slapd?.stop();
  });

  async function signIn(browser: ReturnType<typeof ssoClient>, requestXml: string, password: string = alice.password) {
    const start = await browser.postForm(`/saml/${serviceId}/sso`, { SAMLRequest: Buffer.from(requestXml).toString('base64'), RelayState: 'https://outlook.office365.com/owa/?realm=contoso' });
    expect(start.status).toBe(303);
    const page = await browser.get(start.headers.get('location')!);
    const html = await page.text();
    expect(html).toContain('name="password"');
    return browser.postForm(formAction(html)!, { username: alice.uid, password });
  }

  it('answers an Entra-shaped request with a Response that follows every Office 365 rule', async () => {
    const request = entraAuthnRequest();
    const browser = ssoClient(server.url);
    const answer = await signIn(browser, request.xml);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(formAction(html)).toBe('https://login.microsoftonline.com/login.srf');
    expect(formField(html, 'RelayState')).toBe('https://outlook.office365.com/owa/?realm=contoso');
    expect(answer.headers.get('content-security-policy')).toContain('https://login.microsoftonline.com');
    const xml = Buffer.from(formField(html, 'SAMLResponse')!, 'base64').toString('utf8');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const response = doc.documentElement!;
    const assertion = doc.getElementsByTagNameNS(SAML, 'Assertion')[0]!;
    const one = (ns: string, name: string, from: Element = response) => from.getElementsByTagNameNS(ns, name)[0]!;

    expect(response.getAttribute('Destination')).toBe('https://login.microsoftonline.com/login.srf');
    expect(response.getAttribute('InResponseTo')).toBe(request.id);
    expect(one(SAML, 'Issuer').textContent).toBe(issuer);
    expect(one(SAML, 'Issuer', assertion).textContent).toBe(issuer);
    // The signature sits right after the Assertion's Issuer.
    const afterIssuer = one(SAML, 'Issuer', assertion).nextSibling as Element;
    expect(afterIssuer.namespaceURI).toBe(DS);
    expect(afterIssuer.localName).toBe('Signature');
    expect(xml).toContain('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(xml).toContain('http://www.w3.org/2001/10/xml-exc-c14n#');
    const nameId = one(SAML, 'NameID', assertion);
    expect(nameId.getAttribute('Format')).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(nameId.textContent).toBe(alice.objectGUID.toString('base64'));
    const confirmation = one(SAML, 'SubjectConfirmationData', assertion);
    expect(confirmation.getAttribute('Recipient')).toBe('https://login.microsoftonline.com/login.srf');
    expect(confirmation.getAttribute('InResponseTo')).toBe(request.id);
    expect(one(SAML, 'Audience', assertion).textContent).toBe('urn:federation:MicrosoftOnline');
    const attributes = assertion.getElementsByTagNameNS(SAML, 'Attribute');
    const idpEmail = Array.from({ length: attributes.length }, (_, i) => attributes.item(i)!).find((a) => a.getAttribute('Name') === 'IDPEmail')!;
    expect(one(SAML, 'AttributeValue', idpEmail).textContent).toBe(alice.userPrincipalName);
    const authn = one(SAML, 'AuthnStatement', assertion);
    expect(Math.abs(Date.parse(authn.getAttribute('AuthnInstant')!) - Date.now())).toBeLessThan(60_000);
    expect(authn.getAttribute('SessionIndex')).toBeTruthy();
    // Password only here (the service's second factor is switched off), so no multipleauthn claim.
    expect(one(SAML, 'AuthnContextClassRef', assertion).textContent).toBe('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport');
    expect((await xmlsec1Verify(xml, certificatePem)).ok).toBe(true);

    // The sign-in is one stream that tells the story, with no password in it.
    await server.readModelsCaughtUp();
    const events = server.services.readDb.prepare("SELECT type, data FROM audit_events WHERE category = 'authentication' ORDER BY position").all() as Array<{ type: string; data: string }>;
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['AuthnRequestReceived', 'PrimaryAuthSucceeded', 'IdpSessionStarted', 'SecondFactorSkipped', 'AssertionIssued']));
    expect(JSON.stringify(events)).not.toContain(alice.password);
  });

  it('lets a second sign-in in the same IdP session skip the password, keeping the original AuthnInstant', async () => {
    const browser = ssoClient(server.url);
    const first = await signIn(browser, entraAuthnRequest().xml);
    const firstXml = Buffer.from(formField(await first.text(), 'SAMLResponse')!, 'base64').toString();
    const again = await browser.postForm(`/saml/${serviceId}/sso`, { SAMLRequest: Buffer.from(entraAuthnRequest().xml).toString('base64') });
    expect(again.status).toBe(200);
    const secondXml = Buffer.from(formField(await again.text(), 'SAMLResponse')!, 'base64').toString();
    const instant = (x: string) => /AuthnInstant="([^"]+)"/.exec(x)![1];
    expect(instant(secondXml)).toBe(instant(firstXml));
    // Signing out ends it.
    await browser.get(`/saml/${serviceId}/slo`);
    expect((await browser.postForm(`/saml/${serviceId}/sso`, { SAMLRequest: Buffer.from(entraAuthnRequest().xml).toString('base64') })).status).toBe(303);
  });

  it('says a wrong password plainly, the same way as an unknown user, and records why', async () => {
    const browser = ssoClient(server.url);
    const answer = await signIn(browser, entraAuthnRequest().xml, 'not-her-password');
    const html = await answer.text();
    expect(html).toContain('The username or password is not correct.');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
    await server.readModelsCaughtUp();
    const failed = server.services.readDb.prepare("SELECT data FROM audit_events WHERE type = 'PrimaryAuthFailed' ORDER BY position DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(failed)).toMatchObject({ username: alice.uid, reason: 'INVALID_CREDENTIALS' });
  });
});
