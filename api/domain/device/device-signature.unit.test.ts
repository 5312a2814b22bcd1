import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyThumbprint, parseDevicePublicKey, verifyDeviceSignature, type DevicePublicKeyJwk } from './device-signature';
import { canonicalJson, challengeAnswerPayload } from './signed-payloads';

const keyPair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' }) as unknown as DevicePublicKeyJwk;
  return { jwk, sign: (text: string, dsaEncoding: 'ieee-p1363' | 'der' = 'ieee-p1363') => sign('sha256', Buffer.from(text), { key: privateKey, dsaEncoding }).toString('base64url') };
};

describe('the canonical JSON a device signs', () => {
  it('sorts members, drops white space and writes exactly {challengeId, decision, number}', () => {
    expect(challengeAnswerPayload({ number: 42, decision: 'approve', challengeId: 'c-1' } as never)).toBe('{"challengeId":"c-1","decision":"approve","number":42}');
    expect(challengeAnswerPayload({ challengeId: 'c-1', decision: 'deny', number: null })).toBe('{"challengeId":"c-1","decision":"deny","number":null}');
  });

  it('follows RFC 8785 for nested values, escapes and key order by UTF-16 code units', () => {
    expect(canonicalJson({ b: [1, true, null, 'x'], a: { d: 1.5, c: 'é"\n' }, A: 0 })).toBe('{"A":0,"a":{"c":"é\\"\\n","d":1.5},"b":[1,true,null,"x"]}');
    expect(canonicalJson({ '\u20ac': 1, '\ud83d\ude00': 2, z: 3 })).toBe('{"z":3,"\u20ac":1,"\ud83d\ude00":2}');
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
  });
});

describe('device signatures (ECDSA P-256, SHA-256, IEEE P1363 r‖s in base64url)', () => {
  it('verifies the device key’s signature over the exact payload and nothing else', () => {
    const device = keyPair();
    const payload = challengeAnswerPayload({ challengeId: 'c-1', decision: 'approve', number: 42 });
    const signature = device.sign(payload);
    expect(verifyDeviceSignature(device.jwk, payload, signature)).toBe(true);
    expect(verifyDeviceSignature(device.jwk, challengeAnswerPayload({ challengeId: 'c-1', decision: 'approve', number: 43 }), signature)).toBe(false);
    expect(verifyDeviceSignature(device.jwk, challengeAnswerPayload({ challengeId: 'c-2', decision: 'approve', number: 42 }), signature)).toBe(false);
    expect(verifyDeviceSignature(keyPair().jwk, payload, signature)).toBe(false);
  });

  it('refuses DER-encoded and malformed signatures', () => {
    const device = keyPair();
    expect(verifyDeviceSignature(device.jwk, 'x', device.sign('x', 'der'))).toBe(false);
    expect(verifyDeviceSignature(device.jwk, 'x', '')).toBe(false);
    expect(verifyDeviceSignature(device.jwk, 'x', 'A'.repeat(86))).toBe(false);
  });

  it('takes only a P-256 public JWK, never one holding the private key', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() => parseDevicePublicKey(privateKey.export({ format: 'jwk' }))).toThrow(/private key/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'jwk' });
    expect(() => parseDevicePublicKey(p384)).toThrow(/P-256/);
    expect(() => parseDevicePublicKey({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' })).toThrow(/not a point/);
    const jwk = keyPair().jwk;
    expect(parseDevicePublicKey({ ...jwk, ext: true })).toEqual({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y });
    expect(keyThumbprint(jwk)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
