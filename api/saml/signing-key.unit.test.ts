import { X509Certificate, createPublicKey, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCertificate, generateSigningKeyPair, loadSigningKey } from './index';
import { IDP_CURRENT, IDP_NEXT } from '../../test/saml/fixtures/saml-fixtures';

describe('signing keys', () => {
  it('generates an RSA-2048 key and a self-signed certificate with the expected description', async () => {
    const now = new Date('2026-02-03T04:05:06Z');
    const pair = await generateSigningKeyPair({ commonName: 'Countersign, contoso.com', validityYears: 3, now });
    const cert = new X509Certificate(pair.certificatePem);
    expect(cert.subject).toBe('CN=Countersign\\, contoso.com');
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(pair.notAfter).toBe('2029-02-03T04:05:06.000Z');
    expect(pair.certificateBase64Der).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(pair.certificateBase64Der, 'base64').equals(cert.raw)).toBe(true);
    expect(pair.fingerprintSha256).toBe(cert.fingerprint256);
    const signature = sign('sha256', Buffer.from('x'), pair.privateKeyPem);
    expect(verify('sha256', Buffer.from('x'), createPublicKey(pair.certificatePem), signature)).toBe(true);
  });

  it('generates RSA-3072 on request and refuses other sizes and validities', async () => {
    const pair = await generateSigningKeyPair({ commonName: 'big', validityYears: 1, keySize: 3072 });
    expect(new X509Certificate(pair.certificatePem).publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);
    await expect(generateSigningKeyPair({ commonName: 'x', validityYears: 1, keySize: 1024 as 2048 })).rejects.toThrow(/2048 or 3072/);
    await expect(generateSigningKeyPair({ commonName: 'x', validityYears: 0 })).rejects.toThrow(/between 1 and 30/);
  });

  it('loads a key once, checks it matches its certificate, and never serialises the private key', () => {
    const key = loadSigningKey(IDP_CURRENT);
    expect(JSON.stringify(key)).not.toContain('PRIVATE');
    expect(JSON.stringify(key)).toContain(key.certificateBase64Der);
    expect(() => loadSigningKey({ privateKeyPem: IDP_CURRENT.privateKeyPem, certificatePem: IDP_NEXT.certificatePem })).toThrow(/does not belong/);
    expect(() => loadSigningKey({ privateKeyPem: 'nope', certificatePem: IDP_CURRENT.certificatePem })).toThrow(/could not be read/);
  });

  it('describes a certificate given as PEM or as base64 DER with line breaks', () => {
    const pem = describeCertificate(IDP_CURRENT.certificatePem);
    const wrapped = describeCertificate(pem.certificateBase64Der.replace(/(.{64})/g, '$1\n'));
    expect(wrapped).toEqual(pem);
    expect(() => describeCertificate('hello world')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
