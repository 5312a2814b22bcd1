import { describe, expect, it } from 'vitest';
import { buildErrorResponse, buildResponse, parseAuthnRequest } from '../../api/saml';
import {
  ENTRA_AUTHN_REQUEST,
  ENTRA_SIGNED_AUTHN_REQUEST,
  GENERIC_SP,
  contosoProfile,
  genericAuthnRequest,
  genericConnector,
  idpKey,
  office365Connector,
  postEncode,
} from './fixtures/saml-fixtures';
import { samlXsdErrors } from './saml-xsd';

// The hand-written structural check must agree with a full XSD validator on what is a valid
// AuthnRequest, and every message Countersign builds must be schema-valid.
const NOW = new Date('2026-05-01T10:00:05Z');
const authn = { authnInstant: NOW, secondFactorPassed: true, sessionIndex: '_s' };
const ours = (xml: string): boolean => {
  try {
    parseAuthnRequest({ binding: 'post', samlRequest: postEncode(xml) });
    return true;
  } catch (error) {
    if ((error as { details?: { reason?: string } }).details?.reason !== 'schema') throw error;
    return false;
  }
};

const valid = {
  'Entra unsigned': ENTRA_AUTHN_REQUEST,
  'Entra signed': ENTRA_SIGNED_AUTHN_REQUEST,
  'generic with everything': genericAuthnRequest({
    attrs: ' Destination="https://idp/sso" ForceAuthn="true" IsPassive="false" ProviderName="App" AttributeConsumingServiceIndex="3" Consent="urn:oasis:names:tc:SAML:2.0:consent:unspecified"',
    extra:
      '<samlp:Extensions><x:e xmlns:x="urn:x"/></samlp:Extensions>' +
      '<saml:Subject><saml:NameID>jo@example.org</saml:NameID></saml:Subject>' +
      '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent" AllowCreate="1"/>' +
      '<saml:Conditions NotOnOrAfter="2026-05-01T10:10:00Z"><saml:AudienceRestriction><saml:Audience>urn:a</saml:Audience></saml:AudienceRestriction><saml:OneTimeUse/></saml:Conditions>' +
      '<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>urn:a</saml:AuthnContextClassRef><saml:AuthnContextClassRef>urn:b</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>' +
      '<samlp:Scoping ProxyCount="2"><samlp:IDPList><samlp:IDPEntry ProviderID="urn:idp"/></samlp:IDPList><samlp:RequesterID>urn:r</samlp:RequesterID></samlp:Scoping>',
  }),
};
const invalid = {
  'missing IssueInstant': ENTRA_AUTHN_REQUEST.replace(' IssueInstant="2024-03-12T14:00:18.450Z"', ''),
  'ID not an NCName': ENTRA_AUTHN_REQUEST.replace('ID="_1e089e5c', 'ID="1e089e5c'),
  'bad dateTime': ENTRA_AUTHN_REQUEST.replace('2024-03-12T14:00:18.450Z', '2024-13-12T14:00:18Z'),
  'unknown attribute': ENTRA_AUTHN_REQUEST.replace('Version="2.0"', 'Version="2.0" Foo="1"'),
  'children out of order': ENTRA_AUTHN_REQUEST.replace(/(<Issuer.*<\/Issuer>)(<samlp:NameIDPolicy[^>]*\/>)/, '$2$1'),
  'unknown child': ENTRA_AUTHN_REQUEST.replace('<samlp:NameIDPolicy', '<samlp:Foo/><samlp:NameIDPolicy'),
  'repeated NameIDPolicy': ENTRA_AUTHN_REQUEST.replace(/(<samlp:NameIDPolicy[^>]*\/>)/, '$1$1'),
  'bad boolean': genericAuthnRequest({ attrs: ' ForceAuthn="yes"' }),
  'bad unsignedShort': genericAuthnRequest({ attrs: ' AttributeConsumingServiceIndex="70000"' }),
  'text in element-only content': ENTRA_AUTHN_REQUEST.replace('<samlp:NameIDPolicy', 'x<samlp:NameIDPolicy'),
  'element inside Issuer': ENTRA_AUTHN_REQUEST.replace('urn:federation:MicrosoftOnline<', 'urn:federation:MicrosoftOnline<b/><'),
  'Extensions with a samlp child': genericAuthnRequest({ extra: '<samlp:Extensions><samlp:NameIDPolicy/></samlp:Extensions>' }),
  'empty Extensions': genericAuthnRequest({ extra: '<samlp:Extensions></samlp:Extensions>' }),
  'empty RequestedAuthnContext': genericAuthnRequest({ extra: '<samlp:RequestedAuthnContext/>' }),
  'mixed class and decl refs': genericAuthnRequest({ extra: '<samlp:RequestedAuthnContext><saml:AuthnContextClassRef>a</saml:AuthnContextClassRef><saml:AuthnContextDeclRef>b</saml:AuthnContextDeclRef></samlp:RequestedAuthnContext>' }),
  'bad Comparison': genericAuthnRequest({ extra: '<samlp:RequestedAuthnContext Comparison="most"><saml:AuthnContextClassRef>a</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>' }),
  'IDPEntry without ProviderID': genericAuthnRequest({ extra: '<samlp:Scoping><samlp:IDPList><samlp:IDPEntry/></samlp:IDPList></samlp:Scoping>' }),
  'NameIDPolicy with content': ENTRA_AUTHN_REQUEST.replace(/<samlp:NameIDPolicy([^>]*)\/>/, '<samlp:NameIDPolicy$1><x/></samlp:NameIDPolicy>'),
  'Signature without SignatureValue': ENTRA_SIGNED_AUTHN_REQUEST.replace(/<SignatureValue>[^<]*<\/SignatureValue>/, ''),
};

describe('structural schema check agrees with the SAML 2.0 XSD', () => {
  for (const [name, xml] of Object.entries(valid)) {
    it(`valid: ${name}`, async () => {
      expect(await samlXsdErrors(xml)).toEqual([]);
      expect(ours(xml)).toBe(true);
    });
  }
  for (const [name, xml] of Object.entries(invalid)) {
    it(`invalid: ${name}`, async () => {
      expect(await samlXsdErrors(xml)).not.toEqual([]);
      expect(ours(xml)).toBe(false);
    });
  }
});

describe('every Response Countersign builds is XSD-valid', () => {
  it('Office 365, generic (all signature options, hostile values), unsolicited, and error responses', async () => {
    const messages = [
      (await buildResponse({ connector: office365Connector, signingKey: idpKey, inResponseTo: '_r', profile: contosoProfile, authn, now: NOW, ids: { responseId: '_r1', assertionId: '_a1' } })).xml,
      ...(await Promise.all([
        [true, true],
        [true, false],
        [false, true],
      ].map(async ([signAssertion, signResponse]) =>
        (await buildResponse({
          connector: genericConnector({ signAssertion, signResponse }),
          signingKey: idpKey,
          acsUrl: GENERIC_SP.acsUrl,
          profile: { mail: 'jo@example.org', displayName: '</saml:AttributeValue><x>', memberOf: ['a', 'b'] },
          authn,
          now: NOW,
          ids: { responseId: '_r2', assertionId: '_a2' },
        })).xml,
      ))),
      (await buildErrorResponse({ issuer: 'urn:idp', destination: GENERIC_SP.acsUrl, failure: 'RequestDenied', statusMessage: 'no', now: NOW, responseId: '_e', signing: { key: idpKey, algorithm: 'RSA_SHA256' } })).xml,
    ];
    for (const xml of messages) expect(await samlXsdErrors(xml)).toEqual([]);
  });
});
