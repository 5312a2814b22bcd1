import { createHash, sign, type KeyObject } from 'node:crypto';
import type { SignatureAlgorithm } from '../connector-config';
import { DSIG_ALGORITHM, SAML_NS } from '../saml-constants';
import type { IdpSigningKey } from '../signing-key';

const ALGORITHMS: Record<SignatureAlgorithm, { signatureUri: string; digestUri: string; hash: string }> = {
  RSA_SHA256: { signatureUri: DSIG_ALGORITHM.rsaSha256, digestUri: DSIG_ALGORITHM.sha256, hash: 'sha256' },
  RSA_SHA512: { signatureUri: DSIG_ALGORITHM.rsaSha512, digestUri: DSIG_ALGORITHM.sha512, hash: 'sha512' },
  RSA_SHA1: { signatureUri: DSIG_ALGORITHM.rsaSha1, digestUri: DSIG_ALGORITHM.sha1, hash: 'sha1' },
};

const DS_DECL = `xmlns:ds="${SAML_NS.ds}"`;
const TRANSFORMS =
  `<ds:Transforms><ds:Transform Algorithm="${DSIG_ALGORITHM.envelopedSignature}"></ds:Transform>` +
  `<ds:Transform Algorithm="${DSIG_ALGORITHM.excC14n}"></ds:Transform></ds:Transforms>`;

// SignedInfo up to the Reference URI, and from after the URI to the DigestValue, per algorithm:
// fixed text, so building one costs two string concatenations.
const SIGNED_INFO_PARTS = Object.fromEntries(
  Object.entries(ALGORITHMS).map(([name, a]) => [
    name,
    {
      head:
        `<ds:CanonicalizationMethod Algorithm="${DSIG_ALGORITHM.excC14n}"></ds:CanonicalizationMethod>` +
        `<ds:SignatureMethod Algorithm="${a.signatureUri}"></ds:SignatureMethod><ds:Reference URI="#`,
      middle: `">${TRANSFORMS}<ds:DigestMethod Algorithm="${a.digestUri}"></ds:DigestMethod><ds:DigestValue>`,
      tail: '</ds:DigestValue></ds:Reference>',
    },
  ]),
) as Record<SignatureAlgorithm, { head: string; middle: string; tail: string }>;

/**
 * An element about to be signed, split where the signature goes: `open` is its start tag,
 * `issuer` its `<saml:Issuer>` child, and `rest` everything after the Issuer including the end
 * tag. All three must already be in exclusive-canonical form (see `canonical-xml.ts`).
 */
export interface SignableElement {
  id: string;
  open: string;
  issuer: string;
  rest: string;
}

/**
 * Signs an element with an enveloped XML-DSig signature placed right after its Issuer
 * (enveloped-signature + exc-c14n transforms, exc-c14n SignedInfo, one Reference to `#id`).
 *
 * Because the element text is produced in canonical form, its canonicalization with the
 * signature removed is the text itself, and the canonical SignedInfo is the template below with
 * `xmlns:ds` on it. Only the template is ours: hashing and RSA signing are `node:crypto`.
 * xmlsec1, xml-crypto and node-saml verify the result (see test/saml).
 */
export async function signEnvelopedElement(element: SignableElement, key: IdpSigningKey, algorithm: SignatureAlgorithm): Promise<string> {
  const alg = ALGORITHMS[algorithm];
  const parts = SIGNED_INFO_PARTS[algorithm];
  const digest = createHash(alg.hash).update(element.open).update(element.issuer).update(element.rest).digest('base64');
  const signedInfoBody = parts.head + element.id + parts.middle + digest + parts.tail;
  const canonicalSignedInfo = `<ds:SignedInfo ${DS_DECL}>${signedInfoBody}</ds:SignedInfo>`;
  const signatureValue = (await signInThreadPool(alg.hash, Buffer.from(canonicalSignedInfo, 'utf8'), key.privateKey)).toString('base64');
  const signature =
    `<ds:Signature ${DS_DECL}><ds:SignedInfo>${signedInfoBody}</ds:SignedInfo>` +
    `<ds:SignatureValue>${signatureValue}</ds:SignatureValue>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${key.certificateBase64Der}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>`;
  return element.open + element.issuer + signature + element.rest;
}

/**
 * The RSA operation (about 0.3 ms for a 2048-bit key) runs in libuv's thread pool, so the
 * event loop serves other requests meanwhile.
 */
function signInThreadPool(hash: string, data: Buffer, key: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) => sign(hash, data, key, (error, signature) => (error ? reject(error) : resolve(signature))));
}

/** Joins the parts of an element that stays unsigned. */
export function unsignedElement(element: SignableElement): string {
  return element.open + element.issuer + element.rest;
}
