import { SAML, ValidateInResponseTo, type SamlConfig } from '@node-saml/node-saml';
import { describe, expect, it } from 'vitest';
import {
  InMemoryReplayCache,
  buildResponse,
  newSamlId,
  parseAuthnRequest,
  validateAuthnRequest,
  type AuthnRequestInput,
  type SamlConnectorConfig,
} from '../../api/saml';
import { GENERIC_SP, IDP_CURRENT, SP_REQUEST_SIGNER, contosoProfile, genericConnector, idpKey, office365Connector } from './fixtures/saml-fixtures';

// @node-saml/node-saml plays the service provider, with its strict settings: both signatures
// wanted (generic), audience, InResponseTo checked against its request cache, idpCert pinned.
const SSO_URL = 'https://sso.countersign.example/saml/app/sso';
const hostileName = '</saml:AttributeValue><saml:Attribute Name="admin"><saml:AttributeValue>true';

function strictSp(overrides: Partial<SamlConfig>): SAML {
  return new SAML({
    callbackUrl: GENERIC_SP.acsUrl,
    entryPoint: SSO_URL,
    issuer: GENERIC_SP.entityId,
    audience: GENERIC_SP.entityId,
    idpCert: IDP_CURRENT.certificatePem,
    idpIssuer: 'https://sso.countersign.example/saml/app',
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    validateInResponseTo: ValidateInResponseTo.always,
    acceptedClockSkewMs: 0,
    privateKey: SP_REQUEST_SIGNER.privateKeyPem,
    publicCert: SP_REQUEST_SIGNER.certificatePem,
    signatureAlgorithm: 'sha256',
    identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    ...overrides,
  });
}

async function requestFrom(sp: SAML, binding: 'redirect' | 'post', relayState: string): Promise<AuthnRequestInput> {
  if (binding === 'redirect') {
    const url = new URL(await sp.getAuthorizeUrlAsync(relayState, undefined, {}));
    return { binding, samlRequest: url.searchParams.get('SAMLRequest') ?? '', rawQuery: url.search };
  }
  const form = await sp.getAuthorizeFormAsync(relayState, undefined, {});
  const field = (name: string) => /value="([^"]*)"/.exec(form.slice(form.indexOf(`name="${name}"`)))?.[1];
  return { binding, samlRequest: field('SAMLRequest')!, relayState: field('RelayState')?.replace(/&amp;/g, '&') };
}

async function roundTrip(sp: SAML, connector: SamlConnectorConfig, binding: 'redirect' | 'post', profile: Record<string, unknown>) {
  const relayState = `rs-${binding}&x=1`;
  const input = await requestFrom(sp, binding, relayState);
  const parsed = parseAuthnRequest(input);
  const now = new Date();
  const validated = validateAuthnRequest(parsed, { connector, ssoUrls: [SSO_URL], replayCache: new InMemoryReplayCache(), now });
  expect(validated.relayState).toBe(relayState);
  const built = await buildResponse({
    connector,
    signingKey: idpKey,
    acsUrl: validated.acs.url,
    inResponseTo: validated.requestId,
    profile: profile as never,
    authn: { authnInstant: now, secondFactorPassed: true, sessionIndex: newSamlId() },
    now,
    ids: { responseId: newSamlId(), assertionId: newSamlId() },
  });
  return { validated, result: await sp.validatePostResponseAsync({ SAMLResponse: built.samlResponse, RelayState: relayState }), built };
}

describe('@node-saml/node-saml as a strict SP accepts our Responses', () => {
  const variants = [
    ['redirect', {}],
    ['post', { authnRequestBinding: 'HTTP-POST' }],
    ['post', { authnRequestBinding: 'HTTP-POST', skipRequestCompression: true }],
  ] as const;
  for (const [binding, options] of variants) {
    it(`generic connector, signed AuthnRequest by HTTP-${binding} ${JSON.stringify(options)}, Response and Assertion signed`, async () => {
      const sp = strictSp(options);
      const connector = genericConnector({ requireSignedAuthnRequests: true });
      const { validated, result } = await roundTrip(sp, connector, binding, { mail: 'jo@example.org', displayName: hostileName, memberOf: ['staff', 'R&D'] });
      expect(validated.signature).toBe('verified');
      expect(result.loggedOut).toBe(false);
      expect(result.profile).toMatchObject({
        issuer: 'https://sso.countersign.example/saml/app',
        nameID: 'jo@example.org',
        nameIDFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        email: 'jo@example.org',
        displayName: hostileName,
        groups: ['staff', 'R&D'],
      });
      expect(result.profile).not.toHaveProperty('admin');
    });
  }

  it('rejects a replayed Response (InResponseTo already consumed from its cache)', async () => {
    const sp = strictSp({});
    const { built } = await roundTrip(sp, genericConnector(), 'redirect', { mail: 'jo@example.org' });
    await expect(sp.validatePostResponseAsync({ SAMLResponse: built.samlResponse })).rejects.toThrow(/InResponseTo/);
  });

  it('rejects our Response when its signature was made by another key', async () => {
    const sp = strictSp({ idpCert: SP_REQUEST_SIGNER.certificatePem });
    await expect(roundTrip(sp, genericConnector(), 'redirect', { mail: 'jo@example.org' })).rejects.toThrow(/signature/i);
  });

  for (const binding of ['redirect', 'post'] as const) {
    it(`Office 365 connector (assertion-only signature, as Entra wants) by HTTP-${binding}`, async () => {
      const sp = strictSp({
        issuer: 'urn:federation:MicrosoftOnline',
        audience: 'urn:federation:MicrosoftOnline',
        callbackUrl: 'https://login.microsoftonline.com/login.srf',
        idpIssuer: office365Connector.issuerUri,
        wantAuthnResponseSigned: false,
        identifierFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        privateKey: undefined,
        authnRequestBinding: binding === 'post' ? 'HTTP-POST' : undefined,
      });
      const { result } = await roundTrip(sp, office365Connector, binding, contosoProfile);
      expect(result.profile).toMatchObject({
        issuer: office365Connector.issuerUri,
        nameID: 'U/RU0+ZBmm5F7mmWORwt7A==',
        nameIDFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        IDPEmail: 'adele.vance@contoso.com',
      });
      expect(result.profile?.getAssertionXml?.()).toContain('http://schemas.microsoft.com/claims/multipleauthn');
    });
  }
});
