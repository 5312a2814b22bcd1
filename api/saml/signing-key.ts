import { X509Certificate, createPrivateKey, webcrypto, type KeyObject } from 'node:crypto';
import { AppError } from '../errors';

/** RSA modulus sizes offered for IdP signing keys. 2048 signs in well under a millisecond; 3072 costs about 3–5×. */
export type SigningKeySize = 2048 | 3072;

/** Options for {@link generateSigningKeyPair}. */
export interface GenerateSigningKeyPairOptions {
  /** Subject and issuer CN of the self-signed certificate, e.g. `Countersign contoso.com`. */
  commonName: string;
  /** Whole years of validity (1–30). Entra ID never reads IdP metadata, so every rollover is a script run. */
  validityYears: number;
  /** RSA modulus size; default 2048. */
  keySize?: SigningKeySize;
  /** Start of validity; default the current time. Injected by tests and deciders. */
  now?: Date;
}

/** The public half of an IdP signing key: what metadata and federation scripts publish. */
export interface SigningCertificate {
  /** PEM with armour. */
  certificatePem: string;
  /** DER as one line of base64, no armour: the form `-SigningCertificate` and `<ds:X509Certificate>` take. */
  certificateBase64Der: string;
  /** ISO 8601 end of validity. */
  notAfter: string;
  /** SHA-256 fingerprint as upper-case hex pairs joined by colons, as `openssl x509 -fingerprint -sha256` prints it. */
  fingerprintSha256: string;
}

/**
 * A freshly generated signing key pair. `privateKeyPem` is PKCS#8 in clear: seal it before it
 * goes into an event, and never log it.
 */
export interface SigningKeyPair extends SigningCertificate {
  privateKeyPem: string;
}

/**
 * The two certificate slots of a connector: `current` signs; `next` is published early
 * (metadata, `NextSigningCertificate`) so service providers trust it before the switch.
 */
export interface SigningSlots<T = SigningCertificate> {
  current: T;
  next?: T;
}

const YEAR_LIMITS = { min: 1, max: 30 };

/**
 * Generates an RSA key pair and a self-signed X.509 certificate (SHA-256 with RSA, CA:false,
 * digitalSignature) for signing SAML assertions. Key generation and certificate signing use
 * the platform's WebCrypto; @peculiar/x509 only encodes the certificate.
 */
export async function generateSigningKeyPair(options: GenerateSigningKeyPairOptions): Promise<SigningKeyPair> {
  const keySize = options.keySize ?? 2048;
  if (keySize !== 2048 && keySize !== 3072) {
    throw new AppError('BAD_USER_INPUT', 'The signing key size must be 2048 or 3072 bits.');
  }
  const years = options.validityYears;
  if (!Number.isInteger(years) || years < YEAR_LIMITS.min || years > YEAR_LIMITS.max) {
    throw new AppError('BAD_USER_INPUT', `The certificate validity must be a whole number of years between ${YEAR_LIMITS.min} and ${YEAR_LIMITS.max}.`);
  }
  const commonName = options.commonName.trim();
  if (commonName.length === 0 || commonName.length > 64) {
    throw new AppError('BAD_USER_INPUT', 'The certificate common name must be 1 to 64 characters.');
  }
  // tsyringe (under @peculiar/x509) needs the Reflect polyfill loaded first; load both lazily so
  // the sign-in hot path never pays for them.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');

  const algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: keySize };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - 5 * 60_000);
  const notAfter = new Date(now.getTime());
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      name: [{ CN: [commonName] }],
      notBefore,
      notAfter,
      keys,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      ],
    },
    webcrypto as unknown as Crypto,
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'pem' }).toString();
  return { privateKeyPem, ...describeCertificate(cert.toString('pem')) };
}

/**
 * Reads a certificate given as PEM or as bare base64 DER (line breaks allowed) and returns its
 * public description. Throws `BAD_USER_INPUT` when it is not an X.509 certificate.
 */
export function describeCertificate(pemOrBase64: string): SigningCertificate {
  const cert = parseCertificate(pemOrBase64);
  const certificateBase64Der = cert.raw.toString('base64');
  return {
    certificatePem: toPem(certificateBase64Der),
    certificateBase64Der,
    notAfter: new Date(cert.validTo).toISOString(),
    fingerprintSha256: cert.fingerprint256,
  };
}

/** Parses a PEM or bare-base64 certificate into a Node `X509Certificate`. */
export function parseCertificate(pemOrBase64: string): X509Certificate {
  const body = pemOrBase64
    .replace(/-----BEGIN CERTIFICATE-----|-----END CERTIFICATE-----/g, '')
    .replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw new AppError('BAD_USER_INPUT', 'The certificate is not PEM or base64 DER; paste the whole certificate including its BEGIN/END lines.');
  }
  try {
    return new X509Certificate(Buffer.from(body, 'base64'));
  } catch (cause) {
    throw new AppError('BAD_USER_INPUT', 'The certificate could not be read as X.509; export it again as PEM or base64 DER.', undefined, { cause });
  }
}

function toPem(base64Der: string): string {
  return `-----BEGIN CERTIFICATE-----\n${base64Der.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}

/**
 * A signing key loaded once and reused for every Response: the parsed `KeyObject` and the
 * certificate to put in `<ds:KeyInfo>`. Build it when the connector is loaded, not per request.
 * Its private key never appears in `JSON.stringify` or `console.log` output.
 */
export interface IdpSigningKey {
  readonly privateKey: KeyObject;
  readonly certificateBase64Der: string;
  readonly fingerprintSha256: string;
}

/**
 * Loads a PEM private key and its certificate into an {@link IdpSigningKey}, checking that the key
 * is RSA of at least 2048 bits and belongs to the certificate.
 */
export function loadSigningKey(pair: { privateKeyPem: string; certificatePem: string }): IdpSigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pair.privateKeyPem);
  } catch (cause) {
    throw new AppError('BAD_USER_INPUT', 'The signing private key could not be read; it must be an unencrypted PEM RSA key.', undefined, { cause });
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (privateKey.asymmetricKeyType !== 'rsa' || bits < 2048) {
    throw new AppError('BAD_USER_INPUT', 'The signing key must be RSA with at least 2048 bits.');
  }
  const cert = parseCertificate(pair.certificatePem);
  if (!cert.checkPrivateKey(privateKey)) {
    throw new AppError('BAD_USER_INPUT', 'The signing private key does not belong to the signing certificate.');
  }
  const key: IdpSigningKey = {
    privateKey,
    certificateBase64Der: cert.raw.toString('base64'),
    fingerprintSha256: cert.fingerprint256,
  };
  Object.defineProperty(key, 'toJSON', { value: () => ({ certificateBase64Der: key.certificateBase64Der, fingerprintSha256: key.fingerprintSha256 }) });
  return Object.freeze(key);
}
