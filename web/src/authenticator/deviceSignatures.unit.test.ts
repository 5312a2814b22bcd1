import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as server from '../../../api/domain/device/device-signature';
import { channelProofPayload } from '../../../api/domain/device/signed-payloads';
import { newDeviceKeyPair, signPayload } from './deviceKeys';

const subtle = webcrypto.subtle as unknown as SubtleCrypto;

describe('the web authenticator\'s signatures', () => {
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
