import { describe, expect, it } from 'vitest';
import { InMemoryReplayCache, parseAuthnRequest, validateAuthnRequest, verifyAuthnRequestSignature, type ParsedAuthnRequest } from './index';
import {
  ENTRA_SIGNED_AUTHN_REQUEST,
  GENERIC_SP,
  SP_REQUEST_SIGNER,
  UNTRUSTED_SIGNER,
  genericAuthnRequest,
  genericConnector,
  office365Connector,
  postEncode,
  signAuthnRequestXml,
  signedRedirectQuery,
} from '../../test/saml/fixtures/saml-fixtures';

const NOW = new Date('2026-05-01T10:00:05Z');
const SSO = ['https://sso.countersign.example/saml/app/sso'];
const unsignedConnector = genericConnector({ requireSignedAuthnRequests: false });
const signedConnector = genericConnector({ requireSignedAuthnRequests: true });

const parsePost = (xml: string) => parseAuthnRequest({ binding: 'post', samlRequest: postEncode(xml) });
// The replay cache reads the same injected clock as the checks.
const newCache = () => new InMemoryReplayCache(1000, () => NOW.getTime());
function validate(request: ParsedAuthnRequest, connector = unsignedConnector, cache = newCache()) {
  return validateAuthnRequest(request, { connector, ssoUrls: SSO, replayCache: cache, now: NOW });
}
function codeOf(fn: () => unknown): { code: string; message: string; reason?: unknown } {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; message: string; details?: { reason?: unknown } };
    return { code: e.code, message: e.message, reason: e.details?.reason };
  }
  throw new Error('expected a failure');
}

describe('request-level checks', () => {
  it('accepts a well-formed request from the configured SP and returns where to answer', () => {
    expect(validate(parsePost(genericAuthnRequest()))).toMatchObject({ requestId: '_req1', acs: { url: GENERIC_SP.acsUrl }, signature: 'unsigned', forceAuthn: false });
  });

  it('refuses an unknown issuer', () => {
    expect(codeOf(() => validate(parsePost(genericAuthnRequest({ issuer: 'https://evil.example/sp' }))))).toMatchObject({
      code: 'SAML_UNKNOWN_ISSUER',
      message: expect.stringMatching(/comes from "https:\/\/evil.example\/sp".*trusts only "https:\/\/app.example.org\/saml\/metadata"/),
    });
    expect(codeOf(() => validate(parsePost(genericAuthnRequest()), office365Connector as never))).toMatchObject({ code: 'SAML_UNKNOWN_ISSUER' });
  });

  it('honours a registered ACS URL and refuses an unregistered one', () => {
    expect(validate(parsePost(genericAuthnRequest({ acsUrl: 'https://app.example.org/saml/acs2' }))).acs.url).toBe('https://app.example.org/saml/acs2');
    expect(codeOf(() => validate(parsePost(genericAuthnRequest({ acsUrl: 'https://evil.example/acs' }))))).toMatchObject({ code: 'SAML_ACS_NOT_REGISTERED', message: expect.stringMatching(/evil.example\/acs.*not a registered/) });
    expect(codeOf(() => validate(parsePost(genericAuthnRequest({ acsUrl: 'https://app.example.org/saml/acs/' }))))).toMatchObject({ code: 'SAML_ACS_NOT_REGISTERED' });
    const byIndex = genericAuthnRequest().replace(/ AssertionConsumerServiceURL="[^"]*" ProtocolBinding="[^"]*"/, ' AssertionConsumerServiceIndex="1"');
    expect(validate(parsePost(byIndex)).acs.url).toBe('https://app.example.org/saml/acs2');
    expect(codeOf(() => validate(parsePost(byIndex.replace('Index="1"', 'Index="7"'))))).toMatchObject({ code: 'SAML_ACS_NOT_REGISTERED' });
    const artifact = genericAuthnRequest().replace('bindings:HTTP-POST', 'bindings:HTTP-Artifact');
    expect(codeOf(() => validate(parsePost(artifact)))).toMatchObject({ code: 'SAML_ACS_NOT_REGISTERED', message: expect.stringMatching(/only HTTP-POST/) });
  });

  it('refuses a replayed request ID', () => {
    const cache = newCache();
    validate(parsePost(genericAuthnRequest()), unsignedConnector, cache);
    expect(codeOf(() => validate(parsePost(genericAuthnRequest()), unsignedConnector, cache))).toMatchObject({ code: 'SAML_REPLAY' });
  });

  it('refuses a request issued too long ago or in the future', () => {
    expect(codeOf(() => validate(parsePost(genericAuthnRequest({ issueInstant: '2026-05-01T09:40:00Z' }))))).toMatchObject({ code: 'SAML_REQUEST_EXPIRED' });
    expect(codeOf(() => validate(parsePost(genericAuthnRequest({ issueInstant: '2026-05-01T10:10:00Z' }))))).toMatchObject({ code: 'SAML_REQUEST_EXPIRED' });
  });

  it('refuses a Destination that is not our SSO URL', () => {
    const xml = genericAuthnRequest({ attrs: ' Destination="https://other-idp.example/sso"' });
    expect(codeOf(() => validate(parsePost(xml)))).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'destination' });
  });

  it('refuses a NameIDPolicy format the connector does not send', () => {
    const xml = genericAuthnRequest({ extra: '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:transient"/>' });
    expect(codeOf(() => validate(parsePost(xml)))).toMatchObject({ code: 'SAML_NAMEID_POLICY_UNSUPPORTED' });
  });
});

describe('request signatures', () => {
  const signedXml = () => signAuthnRequestXml(genericAuthnRequest(), SP_REQUEST_SIGNER.privateKeyPem, SP_REQUEST_SIGNER.certificatePem);

  it('requires a signature when the connector does, and says so', () => {
    expect(codeOf(() => validate(parsePost(genericAuthnRequest()), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_REQUIRED' });
  });

  it('verifies a signed HTTP-POST request (signed by xml-crypto)', () => {
    expect(validate(parsePost(signedXml()), signedConnector).signature).toBe('verified');
  });

  it('verifies a signed HTTP-Redirect request over the raw query, RSA-SHA256 and RSA-SHA1', () => {
    for (const alg of ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2000/09/xmldsig#rsa-sha1']) {
      const rawQuery = signedRedirectQuery(genericAuthnRequest(), SP_REQUEST_SIGNER.privateKeyPem, 'state 1/2', alg);
      const parsed = parseAuthnRequest({ binding: 'redirect', samlRequest: '', rawQuery });
      expect(parsed.relayState).toBe('state 1/2');
      expect(validate(parsed, signedConnector).signature).toBe('verified');
    }
  });

  it('refuses a Redirect signature by another key, over a changed RelayState, or with HMAC', () => {
    const wrongKey = signedRedirectQuery(genericAuthnRequest(), UNTRUSTED_SIGNER.privateKeyPem, 'rs');
    expect(codeOf(() => validate(parseAuthnRequest({ binding: 'redirect', samlRequest: '', rawQuery: wrongKey }), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID' });
    const changed = signedRedirectQuery(genericAuthnRequest(), SP_REQUEST_SIGNER.privateKeyPem, 'rs').replace('RelayState=rs', 'RelayState=evil');
    expect(codeOf(() => validate(parseAuthnRequest({ binding: 'redirect', samlRequest: '', rawQuery: changed }), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID' });
    const hmac = signedRedirectQuery(genericAuthnRequest(), SP_REQUEST_SIGNER.privateKeyPem, undefined, 'http://www.w3.org/2000/09/xmldsig#hmac-sha1');
    expect(codeOf(() => validate(parseAuthnRequest({ binding: 'redirect', samlRequest: '', rawQuery: hmac }), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID', reason: 'algorithm' });
  });

  it('refuses a POST signature by an untrusted key or over tampered content', () => {
    const foreign = signAuthnRequestXml(genericAuthnRequest(), UNTRUSTED_SIGNER.privateKeyPem, UNTRUSTED_SIGNER.certificatePem);
    expect(codeOf(() => validate(parsePost(foreign), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID', reason: 'mismatch' });
    const tampered = signedXml().replace('ForceAuthn', 'X').replace('ID="_req1"', 'ID="_req1" ForceAuthn="true"');
    expect(codeOf(() => validate(parsePost(tampered), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID' });
  });

  it('checks a present signature even when none is required', () => {
    const foreign = signAuthnRequestXml(genericAuthnRequest(), UNTRUSTED_SIGNER.privateKeyPem, UNTRUSTED_SIGNER.certificatePem);
    expect(codeOf(() => validate(parsePost(foreign), unsignedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID' });
  });

  it('refuses signature wrapping: a signed request moved into Extensions under a new root', () => {
    const legit = signedXml();
    const signature = /<Signature[\s\S]*<\/Signature>/.exec(legit)![0];
    const unsignedLegit = legit.replace(signature, '');
    const evil = genericAuthnRequest({ id: '_evil', acsUrl: 'https://app.example.org/saml/acs2' }).replace(
      '</saml:Issuer>',
      `</saml:Issuer>${signature}<samlp:Extensions><w:wrap xmlns:w="urn:evil">${unsignedLegit}</w:wrap></samlp:Extensions>`,
    );
    expect(codeOf(() => validate(parsePost(evil), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID', reason: 'reference_target' });
    const sameId = evil.replace('ID="_evil"', 'ID="_req1"');
    expect(codeOf(() => validate(parsePost(sameId), signedConnector))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID', reason: 'duplicate_id' });
  });

  it('refuses Entra\'s signed sample when it does not verify against the configured Microsoft certificate', () => {
    const parsed = parsePost(ENTRA_SIGNED_AUTHN_REQUEST);
    expect(codeOf(() => verifyAuthnRequestSignature(parsed, { certificates: [UNTRUSTED_SIGNER.certificatePem], required: true }))).toMatchObject({ code: 'SAML_SIGNATURE_INVALID' });
    expect(verifyAuthnRequestSignature(parsed, { certificates: [], required: false })).toBe('unverified');
  });
});
