import { toBase64url } from './internal/base64url';

/** The device's key pair: the private half can sign but never be exported, not even by this app. */
export interface DeviceKeyPair {
  privateKey: CryptoKey;
  /** EC P-256 public JWK (kty, crv, x, y): the only part the server gets. */
  publicKeyJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
}

/** Makes an ECDSA P-256 key pair here, with a non-extractable private key. */
export async function newDeviceKeyPair(subtle: SubtleCrypto = crypto.subtle): Promise<DeviceKeyPair> {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, publicKeyJwk: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! } };
}

/** ECDSA P-256 / SHA-256 signature of `payload` (UTF-8): 64-byte IEEE P1363 r‖s, base64url, as the server verifies it. */
export async function signPayload(privateKey: CryptoKey, payload: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, new TextEncoder().encode(payload));
  return toBase64url(signature);
}
