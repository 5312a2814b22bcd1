import { describe, expect, it } from 'vitest';
import { buildIdpMetadata, parseSpMetadata } from './index';
import { IDP_CURRENT, IDP_NEXT, SP_REQUEST_SIGNER, UNTRUSTED_SIGNER, idpKey, idpNextKey } from '../../test/saml/fixtures/saml-fixtures';
import { all, childElements, only, parseXml } from '../../test/saml/fixtures/read-xml';

const b64 = (pem: string) => pem.replace(/-----[^-]+-----|\s/g, '');

describe('buildIdpMetadata', () => {
  const xml = buildIdpMetadata({
    entityId: 'https://sso.countersign.example/saml/contoso?tenant=a&b',
    ssoUrls: { post: 'https://sso.countersign.example/saml/contoso/sso', redirect: 'https://sso.countersign.example/saml/contoso/sso' },
    sloUrls: { redirect: 'https://sso.countersign.example/saml/contoso/slo' },
    certificates: { current: idpKey, next: IDP_NEXT.certificatePem },
  });
  const doc = parseXml(xml);

  it('publishes entity ID, both SSO bindings, SLO and NameID formats in schema order', () => {
    expect(doc.documentElement!.getAttribute('entityID')).toBe('https://sso.countersign.example/saml/contoso?tenant=a&b');
    const descriptor = only(doc, 'md', 'IDPSSODescriptor');
    expect(childElements(descriptor).map((e) => e.localName)).toEqual([
      'KeyDescriptor', 'KeyDescriptor', 'SingleLogoutService', 'NameIDFormat', 'NameIDFormat', 'NameIDFormat', 'SingleSignOnService', 'SingleSignOnService',
    ]);
    expect(all(doc, 'md', 'SingleSignOnService').map((s) => s.getAttribute('Binding'))).toEqual([
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
      'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
    ]);
    expect(all(doc, 'md', 'NameIDFormat')[0]!.textContent).toBe('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
  });

  it('publishes the current and the next certificate for signing, one line of base64 each', () => {
    const certs = all(doc, 'ds', 'X509Certificate').map((c) => c.textContent);
    expect(certs).toEqual([idpKey.certificateBase64Der, idpNextKey.certificateBase64Der]);
    expect(all(doc, 'md', 'KeyDescriptor').every((k) => k.getAttribute('use') === 'signing')).toBe(true);
  });
});

describe('parseSpMetadata', () => {
  const metadata = (descriptor: string, extra = '') =>
    `<?xml version="1.0"?><!-- exported by the SP --><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://app.example.org/saml/metadata"${extra}>` +
    `<md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${descriptor}</md:SPSSODescriptor></md:EntityDescriptor>`;
  const key = (use: string | null, pem: string) =>
    `<md:KeyDescriptor${use ? ` use="${use}"` : ''}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n${b64(pem).replace(/(.{64})/g, '$1\n')}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;
  const acs =
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>' +
    '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://app.example.org/saml/acs" index="0" isDefault="true"/>' +
    '<md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact" Location="https://app.example.org/saml/art" index="1"/>';

  it('reads entity ID, ACS URLs with bindings, certificates by use, flags and NameID formats', () => {
    const { sp, warnings } = parseSpMetadata(metadata(key('signing', SP_REQUEST_SIGNER.certificatePem) + key('encryption', UNTRUSTED_SIGNER.certificatePem) + acs));
    expect(sp).toMatchObject({
      entityId: 'https://app.example.org/saml/metadata',
      assertionConsumerServices: [
        { url: 'https://app.example.org/saml/acs', binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST', index: 0, isDefault: true },
        { url: 'https://app.example.org/saml/art', binding: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact', index: 1 },
      ],
      signingCertificates: [b64(SP_REQUEST_SIGNER.certificatePem)],
      encryptionCertificate: b64(UNTRUSTED_SIGNER.certificatePem),
      wantAssertionsSigned: true,
      authnRequestsSigned: true,
      nameIdFormats: ['urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'],
    });
    expect(warnings).toEqual([]);
  });

  it('does not turn a signing-only key into an encryption key; a key without use serves both', () => {
    expect(parseSpMetadata(metadata(key('signing', SP_REQUEST_SIGNER.certificatePem) + acs)).sp.encryptionCertificate).toBeUndefined();
    const both = parseSpMetadata(metadata(key(null, SP_REQUEST_SIGNER.certificatePem) + acs)).sp;
    expect(both.signingCertificates).toEqual([b64(SP_REQUEST_SIGNER.certificatePem)]);
    expect(both.encryptionCertificate).toBe(b64(SP_REQUEST_SIGNER.certificatePem));
  });

  it('warns about expired metadata', () => {
    expect(parseSpMetadata(metadata(acs, ' validUntil="2020-01-01T00:00:00Z"')).warnings.join(' ')).toMatch(/expired on 2020-01-01/);
  });

  it('refuses DTDs, entities, other roots, missing ACS and non-https ACS with SAML_METADATA_INVALID', () => {
    const cases: [string, RegExp][] = [
      [`<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${metadata(acs)}`, /DOCTYPE/],
      ['<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>', /describes 0 service providers/],
      ['<html/>', /must start with <md:EntityDescriptor>/],
      [metadata(''), /at least one assertion consumer service/i],
      [metadata(acs.replace('https://app.example.org/saml/acs', 'http://app.example.org/saml/acs')), /https:\/\//],
      [metadata(acs + key('signing', 'bm90IGEgY2VydA==')), /not a readable X.509/],
    ];
    for (const [xml, message] of cases) {
      expect(() => parseSpMetadata(xml)).toThrow(expect.objectContaining({ code: 'SAML_METADATA_INVALID', message: expect.stringMatching(message) }));
    }
  });
});
