import { describe, expect, it } from 'vitest';
import {
  AUTHN_CONTEXT,
  InMemoryReplayCache,
  buildOffice365Response,
  buildResponse,
  parseAuthnRequest,
  validateAuthnRequest,
} from './index';
import { CONSISTENCY_GUID, ENTRA_AUTHN_REQUEST, ENTRA_REQUEST_ID, ENTRA_REQUEST_TIME, IDP_CURRENT, IDP_URLS, contosoProfile, idpKey, office365Connector, postEncode } from '../../test/saml/fixtures/saml-fixtures';
import { all, childElements, only, parseXml, verifyWithXmlCrypto } from '../../test/saml/fixtures/read-xml';

const NOW = ENTRA_REQUEST_TIME;
const AUTHN_INSTANT = new Date('2024-03-12T13:58:02.250Z');
const IDS = { responseId: '_resp-1', assertionId: '_assert-1' };

async function entraFlow(secondFactorPassed = true) {
  const parsed = parseAuthnRequest({ binding: 'post', samlRequest: postEncode(ENTRA_AUTHN_REQUEST), relayState: 'estsredirect=2&estsrequest=rQQIARAA' });
  const validated = validateAuthnRequest(parsed, { connector: office365Connector, ssoUrls: [IDP_URLS.passiveSignInUri], replayCache: new InMemoryReplayCache(), now: NOW });
  const built = await buildResponse({
    connector: office365Connector,
    signingKey: idpKey,
    acsUrl: validated.acs.url,
    inResponseTo: validated.requestId,
    profile: contosoProfile,
    authn: { authnInstant: AUTHN_INSTANT, secondFactorPassed, sessionIndex: '_session-42' },
    now: NOW,
    ids: IDS,
  });
  return { parsed, validated, built, doc: parseXml(built.xml) };
}

describe('Office 365 response for Entra ID\'s AuthnRequest (reference §0)', () => {
  it('parses Entra\'s minimal unsigned request and takes the ACS URL from Microsoft\'s metadata (rule 2, 3)', async () => {
    const { parsed, validated } = await entraFlow();
    expect(parsed).toMatchObject({ id: ENTRA_REQUEST_ID, issuer: 'urn:federation:MicrosoftOnline', nameIdPolicy: { format: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent' } });
    expect(parsed.destination).toBeUndefined();
    expect(parsed.assertionConsumerServiceUrl).toBeUndefined();
    expect(parsed.protocolBinding).toBeUndefined();
    expect(validated).toMatchObject({ requestId: ENTRA_REQUEST_ID, signature: 'unsigned', relayState: 'estsredirect=2&estsrequest=rQQIARAA' });
    expect(validated.acs.url).toBe('https://login.microsoftonline.com/login.srf');
  });

  it('addresses the Response to login.srf and answers the request (rules 3, 4)', async () => {
    const { doc } = await entraFlow();
    const response = doc.documentElement!;
    expect(response.localName).toBe('Response');
    expect(response.getAttribute('Destination')).toBe('https://login.microsoftonline.com/login.srf');
    expect(response.getAttribute('InResponseTo')).toBe(ENTRA_REQUEST_ID);
    expect(response.getAttribute('Version')).toBe('2.0');
    expect(only(doc, 'samlp', 'StatusCode').getAttribute('Value')).toBe('urn:oasis:names:tc:SAML:2.0:status:Success');
    const confirmation = only(doc, 'saml', 'SubjectConfirmationData');
    expect(confirmation.getAttribute('InResponseTo')).toBe(ENTRA_REQUEST_ID);
    expect(confirmation.getAttribute('Recipient')).toBe('https://login.microsoftonline.com/login.srf');
  });

  it('uses the connector Issuer URI on Response and Assertion (rule 5) and audience urn:federation:MicrosoftOnline (rule 6)', async () => {
    const { doc } = await entraFlow();
    const issuers = all(doc, 'saml', 'Issuer');
    expect(issuers.map((i) => i.textContent)).toEqual([office365Connector.issuerUri, office365Connector.issuerUri]);
    expect(issuers[0]!.parentNode).toBe(doc.documentElement);
    expect((issuers[1]!.parentNode as Element).localName).toBe('Assertion');
    expect(only(doc, 'saml', 'Audience').textContent).toBe('urn:federation:MicrosoftOnline');
  });

  it('sends the ImmutableID (base64 of the raw 16 bytes, + and / kept) as a persistent NameID (rule 7)', async () => {
    const { doc } = await entraFlow();
    const nameId = only(doc, 'saml', 'NameID');
    expect(nameId.getAttribute('Format')).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(nameId.textContent).toBe(CONSISTENCY_GUID.toString('base64'));
    expect(nameId.textContent).toBe('U/RU0+ZBmm5F7mmWORwt7A==');
    expect(Buffer.from(nameId.textContent!, 'base64')).toHaveLength(16);
  });

  it('sends IDPEmail = UPN as the only attribute (rule 8)', async () => {
    const { doc } = await entraFlow();
    const attributes = all(doc, 'saml', 'Attribute');
    expect(attributes.map((a) => a.getAttribute('Name'))).toEqual(['IDPEmail']);
    expect(all(attributes[0]!, 'saml', 'AttributeValue').map((v) => v.textContent)).toEqual(['adele.vance@contoso.com']);
  });

  it('signs only the assertion, RSA-SHA256/SHA-256, exc-c14n, ds:Signature right after Assertion/Issuer, http://www.w3.org URIs (rule 9)', async () => {
    const { doc, built } = await entraFlow();
    const assertion = only(doc, 'saml', 'Assertion');
    const children = childElements(assertion).map((e) => e.localName);
    expect(children.slice(0, 3)).toEqual(['Issuer', 'Signature', 'Subject']);
    expect(all(doc, 'ds', 'Signature')).toHaveLength(1);
    expect(only(doc, 'ds', 'SignatureMethod').getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(only(doc, 'ds', 'DigestMethod').getAttribute('Algorithm')).toBe('http://www.w3.org/2001/04/xmlenc#sha256');
    expect(only(doc, 'ds', 'CanonicalizationMethod').getAttribute('Algorithm')).toBe('http://www.w3.org/2001/10/xml-exc-c14n#');
    expect(all(doc, 'ds', 'Transform').map((t) => t.getAttribute('Algorithm'))).toEqual([
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ]);
    expect(only(doc, 'ds', 'Reference').getAttribute('URI')).toBe(`#${IDS.assertionId}`);
    expect(built.xml).not.toContain('https://www.w3.org');
    const signed = verifyWithXmlCrypto(built.xml, assertion, IDP_CURRENT.certificatePem);
    expect(signed).toHaveLength(1);
    expect(signed[0]).toContain(`ID="${IDS.assertionId}"`);
  });

  it('puts the certificate Entra is given into KeyInfo (rule 10)', async () => {
    const { doc } = await entraFlow();
    expect(only(doc, 'ds', 'X509Certificate').textContent).toBe(idpKey.certificateBase64Der);
  });

  it('states multipleauthn after a completed second factor, with the real AuthnInstant and a SessionIndex (rule 11)', async () => {
    const { doc } = await entraFlow(true);
    const statement = only(doc, 'saml', 'AuthnStatement');
    expect(statement.getAttribute('AuthnInstant')).toBe(AUTHN_INSTANT.toISOString());
    expect(statement.getAttribute('SessionIndex')).toBe('_session-42');
    expect(all(statement, 'saml', 'AuthnContextClassRef').map((c) => c.textContent)).toEqual([AUTHN_CONTEXT.microsoftMultipleAuthn]);
    expect(AUTHN_CONTEXT.microsoftMultipleAuthn).toBe('http://schemas.microsoft.com/claims/multipleauthn');
  });

  it('states PasswordProtectedTransport when only the password was checked (rule 11)', async () => {
    const { doc } = await entraFlow(false);
    expect(only(doc, 'saml', 'AuthnContextClassRef').textContent).toBe('urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport');
  });

  it('uses bearer confirmation for 5 minutes and Conditions NotBefore/NotOnOrAfter (rule 12)', async () => {
    const { doc } = await entraFlow();
    expect(only(doc, 'saml', 'SubjectConfirmation').getAttribute('Method')).toBe('urn:oasis:names:tc:SAML:2.0:cm:bearer');
    expect(only(doc, 'saml', 'SubjectConfirmationData').getAttribute('NotOnOrAfter')).toBe(new Date(NOW.getTime() + 300_000).toISOString());
    const conditions = only(doc, 'saml', 'Conditions');
    expect(Date.parse(conditions.getAttribute('NotBefore')!)).toBeLessThanOrEqual(NOW.getTime());
    expect(conditions.getAttribute('NotOnOrAfter')).toBe(new Date(NOW.getTime() + 3_600_000).toISOString());
    expect(doc.documentElement!.getAttribute('IssueInstant')).toBe(NOW.toISOString());
  });

  it('is deterministic for the same clock and ids (pure)', async () => {
    expect((await entraFlow()).built.xml).toBe((await entraFlow()).built.xml);
  });

  it('returns the base64 SAMLResponse of the XML', async () => {
    const { built } = await entraFlow();
    expect(Buffer.from(built.samlResponse, 'base64').toString('utf8')).toBe(built.xml);
  });

  it('refuses a GUID in text form, an ImmutableID with @, and a UPN outside the federated domain', async () => {
    const base = { connector: office365Connector, signingKey: idpKey, authn: { authnInstant: NOW, secondFactorPassed: true, sessionIndex: '_s' }, now: NOW, ids: IDS };
    await expect(buildOffice365Response({ ...base, user: { immutableId: 'd354f453-41e6-6e9a-45ee-6996391c2dec', upn: 'a@contoso.com' } })).rejects.toThrow(expect.objectContaining({ code: 'SAML_VALUE_INVALID' }));
    await expect(buildOffice365Response({ ...base, user: { immutableId: new Uint8Array(16), upn: 'a@fabrikam.com' } })).rejects.toThrow(/UPN must be an address in contoso.com/);
    await expect(buildOffice365Response({ ...base, user: { immutableId: new Uint8Array(16), upn: 'a@sales.contoso.com' } })).resolves.toBeDefined();
    await expect(buildResponse({ ...base, inResponseTo: '_x', profile: { userPrincipalName: 'a@contoso.com' } })).rejects.toThrow(/no mS-DS-ConsistencyGuid attribute/);
  });
});
