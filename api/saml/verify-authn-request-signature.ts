import { verify, type KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { AppError } from '../errors';
import { parseUntrustedXml } from './internal/safe-xml';
import type { ParsedAuthnRequest } from './parse-authn-request';
import { DSIG_ALGORITHM, SAML_NS } from './saml-constants';
import { parseCertificate } from './signing-key';

/** What signature verification concluded. `unverified`: signed, but no SP certificate is configured and none is required. */
export type SignatureVerdict = 'verified' | 'unsigned' | 'unverified';

/** The SP certificates to verify with, and whether a signature is mandatory. */
export interface RequestSignatureTrust {
  /** base64 DER or PEM; any one of them may have signed (rollover). */
  certificates: readonly string[];
  required: boolean;
}

// RSA only; RSA-SHA1 stays accepted because Entra ID signs AuthnRequests with it. HMAC, DSA and
// anything unknown are refused rather than falling back to a default.
const SIGNATURE_HASH: Record<string, string> = {
  [DSIG_ALGORITHM.rsaSha1]: 'sha1',
  [DSIG_ALGORITHM.rsaSha256]: 'sha256',
  [DSIG_ALGORITHM.rsaSha512]: 'sha512',
};
const DIGESTS = new Set<string>([DSIG_ALGORITHM.sha1, DSIG_ALGORITHM.sha256, DSIG_ALGORITHM.sha512]);
const TRANSFORMS = new Set<string>([DSIG_ALGORITHM.envelopedSignature, DSIG_ALGORITHM.excC14n, DSIG_ALGORITHM.c14n]);
const C14N = new Set<string>([DSIG_ALGORITHM.excC14n, DSIG_ALGORITHM.c14n]);

function invalid(reason: string, message = 'The signature on the sign-in request is not valid.'): AppError {
  return new AppError('SAML_SIGNATURE_INVALID', message, { reason });
}

/**
 * Verifies an AuthnRequest's signature against the SP's certificates: for HTTP-Redirect over the
 * query string octets as received (SAML bindings §3.4.4.1); for HTTP-POST the enveloped XML
 * signature, which must be the only Reference and point at the AuthnRequest root itself (no
 * signature wrapping), with allow-listed algorithms. A present signature is always checked when
 * certificates are configured. Throws `SAML_SIGNATURE_REQUIRED` or `SAML_SIGNATURE_INVALID`.
 */
export function verifyAuthnRequestSignature(request: ParsedAuthnRequest, trust: RequestSignatureTrust): SignatureVerdict {
  const sig = request.signature;
  if (sig.kind === 'none') {
    if (trust.required) throw new AppError('SAML_SIGNATURE_REQUIRED', 'This application must sign its sign-in requests, and the request was not signed.');
    return 'unsigned';
  }
  if (trust.certificates.length === 0) {
    if (trust.required) throw invalid('no_certificate', 'No certificate is configured to verify this application\'s signed requests.');
    return 'unverified';
  }
  const keys = trust.certificates.map((c) => parseCertificate(c).publicKey);
  return sig.kind === 'redirect' ? verifyRedirect(sig, keys) : verifyPost(sig.xml, request.id, trust.certificates);
}

function verifyRedirect(sig: { sigAlg: string; signature: string; signedOctets: string }, keys: KeyObject[]): SignatureVerdict {
  const hash = SIGNATURE_HASH[sig.sigAlg];
  if (!hash) throw invalid('algorithm', `The SigAlg ${sig.sigAlg.slice(0, 80)} is not accepted; use RSA-SHA256.`);
  const signature = Buffer.from(sig.signature.replace(/\s+/g, ''), 'base64');
  const data = Buffer.from(sig.signedOctets, 'utf8');
  if (keys.some((key) => verify(hash, data, key, signature))) return 'verified';
  throw invalid('mismatch');
}

function verifyPost(xml: string, requestId: string, certificates: readonly string[]): SignatureVerdict {
  const doc = parseUntrustedXml(xml);
  const root = doc.documentElement!;
  const signatureNode = childElements(root).find((e) => e.localName === 'Signature' && e.namespaceURI === SAML_NS.ds);
  if (!signatureNode) throw invalid('missing');
  checkSignedInfo(signatureNode, requestId);
  if (countIds(root, requestId) !== 1) throw invalid('duplicate_id', 'The signed request contains its ID more than once (signature wrapping).');
  for (const cert of certificates) {
    const verifier = new SignedXml({ publicCert: parseCertificate(cert).toString(), getCertFromKeyInfo: () => null });
    verifier.loadSignature(signatureNode);
    let ok = false;
    try {
      ok = verifier.checkSignature(xml);
    } catch {
      ok = false;
    }
    if (ok) {
      if (verifier.getSignedReferences().length !== 1) throw invalid('references');
      return 'verified';
    }
  }
  throw invalid('mismatch');
}

/** One Reference, to the root, with allow-listed algorithms: nothing else may be "signed". */
function checkSignedInfo(signature: Element, requestId: string): void {
  const signedInfo = childElements(signature).find((e) => e.localName === 'SignedInfo')!;
  const parts = childElements(signedInfo);
  const c14n = parts.find((e) => e.localName === 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? '';
  const method = parts.find((e) => e.localName === 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  const references = parts.filter((e) => e.localName === 'Reference');
  if (!C14N.has(c14n)) throw invalid('algorithm', 'The request signature uses a canonicalization method that is not accepted.');
  if (!SIGNATURE_HASH[method]) throw invalid('algorithm', `The request signature algorithm ${method.slice(0, 80)} is not accepted; use RSA-SHA256.`);
  if (references.length !== 1) throw invalid('references', 'The request signature must have exactly one Reference.');
  const reference = references[0]!;
  if (reference.getAttribute('URI') !== `#${requestId}`) {
    throw invalid('reference_target', 'The request signature does not cover the AuthnRequest itself (signature wrapping).');
  }
  for (const el of childElements(reference)) {
    if (el.localName === 'DigestMethod' && !DIGESTS.has(el.getAttribute('Algorithm') ?? '')) throw invalid('algorithm', 'The request signature digest algorithm is not accepted.');
    if (el.localName === 'Transforms') {
      for (const t of childElements(el)) {
        if (!TRANSFORMS.has(t.getAttribute('Algorithm') ?? '')) throw invalid('algorithm', 'The request signature uses a transform that is not accepted.');
      }
    }
  }
}

function countIds(root: Element, id: string): number {
  let count = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (el.getAttribute('ID') === id || el.getAttribute('Id') === id || el.getAttribute('id') === id) count++;
    stack.push(...childElements(el));
  }
  return count;
}

function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}
