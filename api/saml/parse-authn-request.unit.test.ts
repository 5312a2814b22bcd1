import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseAuthnRequest, type AuthnRequestInput } from './index';
import { ENTRA_AUTHN_REQUEST, ENTRA_SIGNED_AUTHN_REQUEST, genericAuthnRequest, postEncode, redirectEncode } from '../../test/saml/fixtures/saml-fixtures';

function failure(input: AuthnRequestInput): { code: string; message: string; reason?: unknown } {
  try {
    parseAuthnRequest(input);
  } catch (error) {
    const e = error as { code: string; message: string; details?: { reason?: unknown } };
    return { code: e.code, message: e.message, reason: e.details?.reason };
  }
  throw new Error('expected parseAuthnRequest to throw');
}
const post = (xml: string): AuthnRequestInput => ({ binding: 'post', samlRequest: postEncode(xml) });
const redirect = (xml: string): AuthnRequestInput => ({ binding: 'redirect', samlRequest: redirectEncode(xml) });

describe('parseAuthnRequest', () => {
  it('reads Entra\'s request from both bindings', () => {
    for (const input of [post(ENTRA_AUTHN_REQUEST), redirect(ENTRA_AUTHN_REQUEST)]) {
      const parsed = parseAuthnRequest({ ...input, relayState: 'rs' });
      expect(parsed).toMatchObject({
        id: '_1e089e5c-a976-4881-af74-3b92c89e7e2c',
        issuer: 'urn:federation:MicrosoftOnline',
        issueInstant: new Date('2024-03-12T14:00:18.450Z'),
        forceAuthn: false,
        isPassive: false,
        relayState: 'rs',
        signature: { kind: 'none' },
      });
    }
  });

  it('accepts a deflated HTTP-POST request, as node-saml sends by default', () => {
    expect(parseAuthnRequest({ binding: 'post', samlRequest: redirectEncode(ENTRA_AUTHN_REQUEST) }).issuer).toBe('urn:federation:MicrosoftOnline');
  });

  it('accepts base64 wrapped in lines in a POST body', () => {
    const wrapped = postEncode(ENTRA_AUTHN_REQUEST).replace(/(.{76})/g, '$1\r\n');
    expect(parseAuthnRequest({ binding: 'post', samlRequest: wrapped }).id).toBe('_1e089e5c-a976-4881-af74-3b92c89e7e2c');
  });

  it('extracts ACS URL, ProtocolBinding, Destination, ForceAuthn, NameIDPolicy and RequestedAuthnContext', () => {
    const xml = genericAuthnRequest({
      attrs: ' Destination="https://sso.countersign.example/saml/app/sso" ForceAuthn="true" IsPassive="0" ProviderName="App &amp; Co"',
      extra:
        '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress" AllowCreate="true"/>' +
        '<samlp:RequestedAuthnContext Comparison="minimum"><saml:AuthnContextClassRef>https://refeds.org/profile/mfa</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>',
    });
    expect(parseAuthnRequest(post(xml))).toMatchObject({
      assertionConsumerServiceUrl: 'https://app.example.org/saml/acs',
      protocolBinding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      destination: 'https://sso.countersign.example/saml/app/sso',
      forceAuthn: true,
      isPassive: false,
      providerName: 'App & Co',
      nameIdPolicy: { format: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress', allowCreate: true },
      requestedAuthnContext: { comparison: 'minimum', classRefs: ['https://refeds.org/profile/mfa'], declRefs: [] },
    });
  });

  it('recognises Entra\'s signed request (enveloped signature in the default namespace) as POST-signed', () => {
    const parsed = parseAuthnRequest(post(ENTRA_SIGNED_AUTHN_REQUEST));
    expect(parsed.signature.kind).toBe('post');
    expect(parsed.destination).toBe('https://fs.contoso.com/adfs/ls/');
  });

  describe('refuses bad input with a stable code and a clear message', () => {
    it('bad base64', () => {
      expect(failure({ binding: 'post', samlRequest: 'PHNhbWxwOk%%%' })).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'bad_base64', message: expect.stringMatching(/not valid base64/) });
      expect(failure({ binding: 'redirect', samlRequest: 'a' })).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'bad_base64' });
    });

    it('bad deflate', () => {
      expect(failure({ binding: 'redirect', samlRequest: postEncode(ENTRA_AUTHN_REQUEST) })).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'bad_deflate', message: expect.stringMatching(/not raw DEFLATE/) });
      expect(failure({ binding: 'post', samlRequest: Buffer.from('not xml').toString('base64') })).toMatchObject({ reason: 'bad_deflate', message: expect.stringMatching(/neither XML nor raw DEFLATE/) });
    });

    it('an empty parameter', () => {
      expect(failure({ binding: 'post', samlRequest: '' })).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'missing' });
    });

    it('billion laughs (internal entities)', () => {
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
        '<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">&lol3;</saml:Issuer></samlp:AuthnRequest>';
      for (const input of [post(laughs), redirect(laughs)]) {
        expect(failure(input)).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'dtd_forbidden', message: expect.stringMatching(/DOCTYPE/) });
      }
    });

    it('external entity (XXE)', () => {
      const xxe =
        '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_a" Version="2.0" IssueInstant="2024-01-01T00:00:00Z"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">&xxe;</saml:Issuer></samlp:AuthnRequest>';
      expect(failure(post(xxe))).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'dtd_forbidden' });
    });

    it('an undeclared entity reference without a DTD', () => {
      const xml = ENTRA_AUTHN_REQUEST.replace('urn:federation:MicrosoftOnline', '&xxe;');
      expect(failure(post(xml))).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'malformed_xml', message: expect.stringMatching(/not well-formed XML/) });
    });

    it('comments (which could split the Issuer text)', () => {
      const xml = ENTRA_AUTHN_REQUEST.replace('urn:federation:MicrosoftOnline', 'urn:federation:<!-- x -->MicrosoftOnline');
      expect(failure(post(xml))).toMatchObject({ code: 'SAML_REQUEST_INVALID', reason: 'dtd_forbidden' });
    });

    it('oversized input, before decoding', () => {
      expect(failure({ binding: 'post', samlRequest: 'A'.repeat(70_000) })).toMatchObject({ code: 'SAML_REQUEST_TOO_LARGE', reason: 'encoded_too_large' });
    });

    it('a deflate bomb, capped while inflating', () => {
      const bomb = deflateRawSync(Buffer.alloc(30 * 1024 * 1024, 0x20)).toString('base64');
      expect(bomb.length).toBeLessThan(64 * 1024);
      expect(failure({ binding: 'redirect', samlRequest: bomb })).toMatchObject({ code: 'SAML_REQUEST_TOO_LARGE', reason: 'inflated_too_large' });
    });

    it('wrong Version', () => {
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('Version="2.0"', 'Version="1.1"')))).toMatchObject({
        code: 'SAML_REQUEST_INVALID',
        reason: 'schema',
        message: expect.stringMatching(/Version must be "2.0"/),
      });
    });

    it('a missing or malformed ID and IssueInstant', () => {
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace(' ID="_1e089e5c-a976-4881-af74-3b92c89e7e2c"', '')))).toMatchObject({ reason: 'schema', message: expect.stringMatching(/lacks the required attribute ID/) });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('ID="_1e089e5c', 'ID="1e089e5c')))).toMatchObject({ reason: 'schema', message: expect.stringMatching(/@ID must be an XML name/) });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('2024-03-12T14:00:18.450Z', 'yesterday')))).toMatchObject({ reason: 'schema', message: expect.stringMatching(/IssueInstant must be an xs:dateTime/) });
    });

    it('children out of order, unknown children or attributes, text in element-only content', () => {
      const swapped = ENTRA_AUTHN_REQUEST.replace(
        /(<Issuer.*<\/Issuer>)(<samlp:NameIDPolicy[^>]*\/>)/,
        '$2$1',
      );
      expect(failure(post(swapped))).toMatchObject({ reason: 'schema', message: expect.stringMatching(/where the schema does not allow it/) });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('<samlp:NameIDPolicy', '<samlp:Bogus/><samlp:NameIDPolicy')))).toMatchObject({ reason: 'schema' });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('Version="2.0"', 'Version="2.0" Admin="true"')))).toMatchObject({ reason: 'schema', message: expect.stringMatching(/attribute Admin/) });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('<samlp:NameIDPolicy', 'hello<samlp:NameIDPolicy')))).toMatchObject({ reason: 'schema', message: expect.stringMatching(/must not contain text/) });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('AuthnRequest ID', 'AuthnRequest AssertionConsumerServiceIndex="0" ProtocolBinding="x" ID')))).toMatchObject({ reason: 'schema' });
    });

    it('a message that is not an AuthnRequest, or has no Issuer', () => {
      expect(failure(post('<samlp:LogoutRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>'))).toMatchObject({ reason: 'not_authn_request' });
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace(/<Issuer.*<\/Issuer>/, '')))).toMatchObject({ reason: 'no_issuer' });
    });

    it('control characters, other encodings and processing instructions', () => {
      expect(failure(post(ENTRA_AUTHN_REQUEST.replace('urn:federation', 'urn:\u0001federation')))).toMatchObject({ reason: 'bad_character' });
      expect(failure(post('<?xml version="1.0" encoding="UTF-16"?>' + ENTRA_AUTHN_REQUEST))).toMatchObject({ reason: 'bad_encoding' });
      expect(failure(post(ENTRA_AUTHN_REQUEST + '<?evil x?>'))).toMatchObject({ reason: 'pi_forbidden' });
      expect(failure({ binding: 'post', samlRequest: Buffer.concat([Buffer.from('<a>'), Buffer.from([0xc3, 0x28])]).toString('base64') })).toMatchObject({ reason: 'bad_encoding' });
    });

    it('an XML signature inside a Redirect request, and an incomplete Redirect signature', () => {
      expect(failure(redirect(ENTRA_SIGNED_AUTHN_REQUEST))).toMatchObject({ reason: 'redirect_xml_signature' });
      expect(failure({ ...redirect(ENTRA_AUTHN_REQUEST), sigAlg: 'x', signature: 'y' })).toMatchObject({ code: 'SAML_SIGNATURE_INVALID' });
    });

    it('a repeated parameter in the raw query', () => {
      const encoded = encodeURIComponent(redirectEncode(ENTRA_AUTHN_REQUEST));
      expect(failure({ binding: 'redirect', samlRequest: '', rawQuery: `SAMLRequest=${encoded}&SAMLRequest=${encoded}` })).toMatchObject({ reason: 'repeated_parameter' });
    });
  });
});
