import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';

/**
 * The receiving side of Web Push as a browser and a push service do it, written from the
 * RFCs with Node's crypto only (independent of the `web-push` library the sender uses):
 * a subscription's keys, aes128gcm decryption (RFC 8188 + RFC 8291) and the VAPID check
 * (RFC 8292).
 */

/** A subscriber's secrets: what a browser keeps and never sends to the application server. */
export interface SubscriberKeys {
  /** Uncompressed P-256 public key (`keys.p256dh`). */
  publicKey: Buffer;
  /** 16 random bytes (`keys.auth`). */
  authSecret: Buffer;
  privateKey: Buffer;
}

export function newSubscriberKeys(): SubscriberKeys {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { publicKey: ecdh.getPublicKey(), privateKey: ecdh.getPrivateKey(), authSecret: randomBytes(16) };
}

const info = (label: string) => Buffer.concat([Buffer.from(label, 'utf8'), Buffer.from([0])]);
const hkdf = (ikm: Buffer, salt: Buffer, label: Buffer, length: number) => Buffer.from(hkdfSync('sha256', ikm, salt, label, length));

/** Decrypts an `aes128gcm` Web Push body with the subscriber's keys; throws saying what is wrong. */
export function decryptAes128gcm(body: Buffer, keys: SubscriberKeys): Buffer {
  if (body.length < 21) throw new Error('the body is shorter than the aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  if (idLength !== 65 || senderKey[0] !== 4) throw new Error('the key id is not the sender\'s uncompressed P-256 key (RFC 8291 §4)');
  if (ciphertext.length > recordSize || ciphertext.length < 17) throw new Error('expected exactly one record');

  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(keys.privateKey);
  const ecdhSecret = ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([info('WebPush: info'), keys.publicKey, senderKey]);
  const ikm = hkdf(ecdhSecret, keys.authSecret, keyInfo, 32);
  const cek = hkdf(ikm, salt, info('Content-Encoding: aes128gcm'), 16);
  const nonce = hkdf(ikm, salt, info('Content-Encoding: nonce'), 12);

  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('the last record does not end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

/** The claims of a VAPID token that passed the check. */
export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The `k` parameter: the application server's public key. */
  publicKey: string;
}

/**
 * Checks `Authorization: vapid t=<JWT>, k=<key>`: an ES256 JWT signed by `k`, `aud` the
 * push service's origin, `exp` in the future and at most 24 hours away, `sub` a mailto: or
 * https: contact. Throws saying what is wrong.
 */
export function verifyVapid(authorization: string | undefined, origin: string, nowSeconds: number): VapidClaims {
  const match = /^vapid\s+(.+)$/i.exec(authorization ?? '');
  if (!match) throw new Error('no "Authorization: vapid t=…, k=…" header');
  const params = Object.fromEntries(match[1]!.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  }));
  const token = params.t;
  const k = params.k;
  if (!token || !k) throw new Error('the vapid header lacks t or k');
  const point = Buffer.from(k, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 key');
  const [headerPart, claimsPart, signaturePart] = token.split('.');
  if (!headerPart || !claimsPart || !signaturePart) throw new Error('t is not a JWT');
  const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8')) as { alg?: string };
  if (header.alg !== 'ES256') throw new Error(`the JWT is signed with ${header.alg}, not ES256`);
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== 64 || !verify('sha256', Buffer.from(`${headerPart}.${claimsPart}`), { key, dsaEncoding: 'ieee-p1363' }, signature)) {
    throw new Error('the JWT signature does not verify with k');
  }
  const claims = JSON.parse(Buffer.from(claimsPart, 'base64url').toString('utf8')) as Partial<VapidClaims>;
  if (claims.aud !== origin) throw new Error(`aud is ${claims.aud}, not this push service's origin ${origin}`);
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) throw new Error('the JWT has expired');
  if (claims.exp > nowSeconds + 24 * 3600) throw new Error('exp is more than 24 hours away');
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) throw new Error('sub is not a mailto: or https: contact');
  return { aud: claims.aud, exp: claims.exp, sub: claims.sub, publicKey: k };
}
