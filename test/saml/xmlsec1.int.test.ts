import { describe, expect, it } from 'vitest';
import { buildErrorResponse, buildOffice365Response, buildResponse, type SignatureAlgorithm } from '../../api/saml';
import { GENERIC_SP, IDP_CURRENT, UNTRUSTED_SIGNER, contosoProfile, genericConnector, idpKey, office365Connector } from './fixtures/saml-fixtures';
import { xmlsec1Verify } from './xmlsec1-verify';

const NOW = new Date('2026-05-01T10:00:05Z');
const authn = { authnInstant: new Date('2026-05-01T09:59:40Z'), secondFactorPassed: true, sessionIndex: '_s1' };
const ids = { responseId: '_r1', assertionId: '_a1' };
const hostile = { mail: 'jo@example.org', displayName: '</saml:AttributeValue><saml:Attribute Name="admin">\r\n\t&"\'', memberOf: ['a', 'b & c'] };

async function genericResponse(signAssertion: boolean, signResponse: boolean, signatureAlgorithm: SignatureAlgorithm = 'RSA_SHA256') {
  const { xml } = await buildResponse({
    connector: genericConnector({ signAssertion, signResponse, signatureAlgorithm }),
    signingKey: idpKey,
    acsUrl: GENERIC_SP.acsUrl,
    inResponseTo: '_req1',
    profile: hostile,
    authn,
    now: NOW,
    ids,
  });
  return xml;
}

describe('xmlsec1 verifies every signed Response independently', () => {
  it('the Office 365 Response (assertion signed)', async () => {
    const { xml } = await buildOffice365Response({ connector: office365Connector, signingKey: idpKey, inResponseTo: '_req', user: { immutableId: contosoProfile['mS-DS-ConsistencyGuid'], upn: contosoProfile.userPrincipalName }, authn, now: NOW, ids });
    const result = await xmlsec1Verify(xml, IDP_CURRENT.certificatePem);
    expect(result.output).toContain('OK');
    expect(result).toMatchObject({ ok: true, exitCode: 0 });
  });

  for (const algorithm of ['RSA_SHA256', 'RSA_SHA512', 'RSA_SHA1'] as const) {
    it(`generic Responses with hostile values, ${algorithm}: assertion only, response only, both (each signature)`, async () => {
      expect((await xmlsec1Verify(await genericResponse(true, false, algorithm), IDP_CURRENT.certificatePem)).ok).toBe(true);
      expect((await xmlsec1Verify(await genericResponse(false, true, algorithm), IDP_CURRENT.certificatePem)).ok).toBe(true);
      const both = await genericResponse(true, true, algorithm);
      expect((await xmlsec1Verify(both, IDP_CURRENT.certificatePem)).ok).toBe(true);
      expect((await xmlsec1Verify(both, IDP_CURRENT.certificatePem, { signatureOf: 'assertion' })).ok).toBe(true);
    });
  }

  it('a signed error Response', async () => {
    const { xml } = await buildErrorResponse({ issuer: 'urn:idp', destination: GENERIC_SP.acsUrl, inResponseTo: '_req1', failure: 'AuthnFailed', statusMessage: 'denied <by> user', now: NOW, responseId: '_e1', signing: { key: idpKey, algorithm: 'RSA_SHA256' } });
    expect((await xmlsec1Verify(xml, IDP_CURRENT.certificatePem)).ok).toBe(true);
  });

  it('fails a tampered Response, and one checked against another certificate', async () => {
    const xml = await genericResponse(true, false);
    const tampered = xml.replace('>jo@example.org</saml:NameID>', '>admin@example.org</saml:NameID>');
    expect(tampered).not.toBe(xml);
    const result = await xmlsec1Verify(tampered, IDP_CURRENT.certificatePem);
    expect(result.ok).toBe(false);
    expect(result.exitCode).not.toBe(0);
    expect((await xmlsec1Verify(xml, UNTRUSTED_SIGNER.certificatePem)).ok).toBe(false);
    const both = await genericResponse(true, true);
    const moved = both.replace('Destination="https://app.example.org/saml/acs"', 'Destination="https://evil.example/acs"');
    expect((await xmlsec1Verify(moved, IDP_CURRENT.certificatePem)).ok).toBe(false);
    expect((await xmlsec1Verify(moved, IDP_CURRENT.certificatePem, { signatureOf: 'assertion' })).ok).toBe(true);
  });
});
