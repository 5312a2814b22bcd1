import { describe, expect, it } from 'vitest';
import { buildErrorResponse, buildResponse, buildSamlResponse, renderAutoPostForm, type BuildResponseInput } from './index';
import { GENERIC_SP, IDP_CURRENT, genericConnector, idpKey, office365Connector } from '../../test/saml/fixtures/saml-fixtures';
import { all, childElements, only, parseXml, verifyWithXmlCrypto } from '../../test/saml/fixtures/read-xml';

const NOW = new Date('2026-05-01T10:00:05Z');
const HOSTILE = '</saml:AttributeValue><saml:Attribute Name="admin"><saml:AttributeValue>true';
const profile = {
  mail: 'jo@example.org',
  displayName: HOSTILE,
  memberOf: ['staff', 'R&D <lab>', 'quote " and \' and \t tab\r\nnew line'],
};
const base = (overrides: Partial<BuildResponseInput> = {}): BuildResponseInput => ({
  connector: genericConnector(),
  signingKey: idpKey,
  acsUrl: GENERIC_SP.acsUrl,
  inResponseTo: '_req1',
  profile,
  authn: { authnInstant: NOW, secondFactorPassed: true, sessionIndex: '_s1' },
  now: NOW,
  ids: { responseId: '_r1', assertionId: '_a1' },
  ...overrides,
});

describe('generic SP response', () => {
  it('uses the configured NameID format and source, audience = SP entity, and maps attributes', async () => {
    const doc = parseXml((await buildResponse(base())).xml);
    const nameId = only(doc, 'saml', 'NameID');
    expect(nameId.getAttribute('Format')).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(nameId.textContent).toBe('jo@example.org');
    expect(only(doc, 'saml', 'Audience').textContent).toBe(GENERIC_SP.entityId);
    expect(doc.documentElement!.getAttribute('Destination')).toBe(GENERIC_SP.acsUrl);
    expect(only(doc, 'saml', 'SubjectConfirmationData').getAttribute('Recipient')).toBe(GENERIC_SP.acsUrl);
    expect(all(doc, 'saml', 'Attribute').map((a) => [a.getAttribute('Name'), a.getAttribute('NameFormat')])).toEqual([
      ['email', 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic'],
      ['displayName', 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic'],
      ['groups', 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic'],
    ]);
    expect(only(doc, 'saml', 'AuthnContextClassRef').textContent).toBe('https://refeds.org/profile/mfa');
  });

  it('escapes hostile directory values: they stay text and the signatures still verify', async () => {
    const { xml } = await buildResponse(base());
    const doc = parseXml(xml);
    const attributes = all(doc, 'saml', 'Attribute');
    expect(attributes.map((a) => a.getAttribute('Name'))).toEqual(['email', 'displayName', 'groups']);
    expect(attributes.some((a) => a.getAttribute('Name') === 'admin')).toBe(false);
    const values = (name: string) => all(attributes.find((a) => a.getAttribute('Name') === name)!, 'saml', 'AttributeValue').map((v) => v.textContent);
    expect(values('displayName')).toEqual([HOSTILE]);
    expect(values('groups')).toEqual(profile.memberOf);
    expect(xml).toContain('&lt;/saml:AttributeValue&gt;&lt;saml:Attribute Name="admin"&gt;');
    verifyWithXmlCrypto(xml, doc.documentElement!, IDP_CURRENT.certificatePem);
    verifyWithXmlCrypto(xml, only(doc, 'saml', 'Assertion'), IDP_CURRENT.certificatePem);
  });

  it('escapes hostile values in attributes too (Office 365 Issuer URI path and NameID)', async () => {
    const { xml } = await buildSamlResponse({
      issuer: 'https://idp.example/"><x a="',
      destination: 'https://sp.example/acs?a=1&b="2"',
      audience: 'urn:sp',
      nameId: { value: '<admin/>', format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified' },
      attributes: [],
      authnContextClassRef: 'urn:x',
      authnInstant: NOW,
      sessionIndex: '_s',
      now: NOW,
      ids: { responseId: '_r', assertionId: '_a' },
      signing: { key: idpKey, algorithm: 'RSA_SHA256', signAssertion: true, signResponse: true },
    });
    const doc = parseXml(xml);
    expect(doc.documentElement!.getAttribute('Destination')).toBe('https://sp.example/acs?a=1&b="2"');
    expect(only(doc, 'saml', 'NameID').textContent).toBe('<admin/>');
    expect(all(doc, 'saml', 'Issuer')[0]!.textContent).toBe('https://idp.example/"><x a="');
  });

  it('refuses values XML cannot carry', async () => {
    await expect(buildResponse(base({ profile: { ...profile, displayName: 'bell\u0007' } }))).rejects.toThrow(expect.objectContaining({ code: 'SAML_VALUE_INVALID' }));
  });

  it('signs the assertion, the response, or both, as configured, with the chosen algorithm', async () => {
    const cases = [
      { signAssertion: true, signResponse: true, signatureAlgorithm: 'RSA_SHA256', uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' },
      { signAssertion: true, signResponse: false, signatureAlgorithm: 'RSA_SHA512', uri: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512' },
      { signAssertion: false, signResponse: true, signatureAlgorithm: 'RSA_SHA1', uri: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' },
    ] as const;
    for (const c of cases) {
      const { xml } = await buildResponse(base({ connector: genericConnector(c) }));
      const doc = parseXml(xml);
      const response = doc.documentElement!;
      const assertion = only(doc, 'saml', 'Assertion');
      const signedChild = (el: Element) => childElements(el).some((e) => e.localName === 'Signature');
      expect(signedChild(response)).toBe(c.signResponse);
      expect(signedChild(assertion)).toBe(c.signAssertion);
      if (c.signResponse) {
        expect(childElements(response).map((e) => e.localName).slice(0, 3)).toEqual(['Issuer', 'Signature', 'Status']);
        verifyWithXmlCrypto(xml, response, IDP_CURRENT.certificatePem);
      }
      if (c.signAssertion) verifyWithXmlCrypto(xml, assertion, IDP_CURRENT.certificatePem);
      expect(all(doc, 'ds', 'SignatureMethod').every((m) => m.getAttribute('Algorithm') === c.uri)).toBe(true);
    }
  });

  it('sends PasswordProtectedTransport after password only, leaves out empty attributes and InResponseTo when unsolicited', async () => {
    const { xml } = await buildResponse(base({ inResponseTo: undefined, profile: { mail: 'jo@example.org' }, authn: { authnInstant: NOW, secondFactorPassed: false, sessionIndex: '_s' } }));
    const doc = parseXml(xml);
    expect(only(doc, 'saml', 'AuthnContextClassRef').textContent).toBe('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport');
    expect(all(doc, 'saml', 'Attribute').map((a) => a.getAttribute('Name'))).toEqual(['email']);
    expect(xml).not.toContain('InResponseTo');
  });

  it('refuses an ACS URL that is not registered, and Office 365 to anywhere but login.srf', async () => {
    await expect(buildResponse(base({ acsUrl: 'https://evil.example/acs' }))).rejects.toThrow(expect.objectContaining({ code: 'SAML_ACS_NOT_REGISTERED' }));
    await expect(buildResponse(base({ connector: office365Connector, acsUrl: GENERIC_SP.acsUrl }))).rejects.toThrow(expect.objectContaining({ code: 'SAML_ACS_NOT_REGISTERED' }));
  });

  it('refuses ids that are not XML IDs', async () => {
    await expect(buildResponse(base({ ids: { responseId: '1abc', assertionId: '_a' } }))).rejects.toThrow(/not a valid XML ID/);
    await expect(buildResponse(base({ inResponseTo: 'a"b' }))).rejects.toThrow(/not a valid XML ID/);
  });
});

describe('error response', () => {
  it('carries Responder/AuthnFailed, RequestDenied and a message, signed, with no assertion', async () => {
    for (const [failure, top, second] of [
      ['AuthnFailed', 'Responder', 'AuthnFailed'],
      ['RequestDenied', 'Responder', 'RequestDenied'],
      ['Responder', 'Responder', undefined],
    ] as const) {
      const { xml } = await buildErrorResponse({
        issuer: 'https://sso.countersign.example/saml/app',
        destination: GENERIC_SP.acsUrl,
        inResponseTo: '_req1',
        failure,
        statusMessage: 'The user <denied> the push',
        now: NOW,
        responseId: '_err1',
        signing: { key: idpKey, algorithm: 'RSA_SHA256' },
      });
      const doc = parseXml(xml);
      const codes = all(doc, 'samlp', 'StatusCode').map((c) => c.getAttribute('Value'));
      expect(codes).toEqual([`urn:oasis:names:tc:SAML:2.0:status:${top}`, ...(second ? [`urn:oasis:names:tc:SAML:2.0:status:${second}`] : [])]);
      expect(only(doc, 'samlp', 'StatusMessage').textContent).toBe('The user <denied> the push');
      expect(all(doc, 'saml', 'Assertion')).toHaveLength(0);
      expect(doc.documentElement!.getAttribute('InResponseTo')).toBe('_req1');
      verifyWithXmlCrypto(xml, doc.documentElement!, IDP_CURRENT.certificatePem);
    }
  });
});

describe('renderAutoPostForm', () => {
  it('escapes every value, has a noscript button and no inline script without a nonce or the hash', async () => {
    const html = renderAutoPostForm('https://sp.example/acs?a=1&b="x"', 'PHNhbWw+', '"><script>alert(1)</script>', { nonce: 'abc123DEF456' });
    expect(html).toContain('action="https://sp.example/acs?a=1&amp;b=&quot;x&quot;"');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).toContain('<noscript>');
    expect(html).toContain('<button type="submit">Continue</button>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc123DEF456">');
    expect(renderAutoPostForm('https://sp.example/acs', 'x')).not.toContain('RelayState');
  });

  it('refuses a javascript: action', async () => {
    expect(() => renderAutoPostForm('javascript:alert(1)', 'x')).toThrow(expect.objectContaining({ code: 'SAML_ACS_NOT_REGISTERED' }));
  });
});
