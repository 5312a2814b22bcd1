import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as server from '../../../api/domain/device/device-signature';
import { canonicalJson, challengeAnswerPayload, channelProofPayload, deviceRequestPayload } from './canonicalPayloads';
import { newDeviceKeyPair, signPayload } from './deviceKeys';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

describe('the payloads the web authenticator signs', () => {
  it('are byte for byte what the server verifies', () => {
    const answer = { challengeId: '3f0c6b1e-0000-4000-8000-000000000001', decision: 'approve' as const, number: 42 };
    expect(challengeAnswerPayload(answer)).toBe(server.challengeAnswerPayload(answer));
    expect(challengeAnswerPayload({ ...answer, decision: 'report-fraud', number: null })).toBe('{"challengeId":"3f0c6b1e-0000-4000-8000-000000000001","decision":"report-fraud","number":null}');
    expect(channelProofPayload('d1', 'n0nce')).toBe(server.channelProofPayload('d1', 'n0nce'));
    const request = { deviceId: 'd1', method: 'post', path: '/api/devices/d2/revoke', timestamp: 1_700_000_000_123 };
    expect(deviceRequestPayload(request)).toBe(server.deviceRequestPayload(request));
  });

  it('sort members, keep unicode as JSON.stringify writes it, and refuse what has no canonical form', () => {
    const value = { b: [1, 'é', true, null], a: { d: 'x"y', c: -0.5 } };
    expect(canonicalJson(value)).toBe(server.canonicalJson(value));
    expect(canonicalJson(value)).toBe('{"a":{"c":-0.5,"d":"x\\"y"},"b":[1,"é",true,null]}');
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/);
  });

  it('signatures made with a WebCrypto key (non-extractable private half) verify on the server', async () => {
    const keys = await newDeviceKeyPair(subtle);
    expect(keys.privateKey.extractable).toBe(false);
    expect(Object.keys(keys.publicKeyJwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const jwk = server.parseDevicePublicKey(keys.publicKeyJwk);
    const payload = channelProofPayload('device-1', 'nonce-1');
    const signature = await signPayload(keys.privateKey, payload, subtle);
    expect(signature).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(server.verifyDeviceSignature(jwk, payload, signature)).toBe(true);
    expect(server.verifyDeviceSignature(jwk, channelProofPayload('device-1', 'nonce-2'), signature)).toBe(false);
    // Another key's signature does not pass.
    const other = server.parseDevicePublicKey(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' }));
    expect(server.verifyDeviceSignature(other, payload, signature)).toBe(false);
  });
});
