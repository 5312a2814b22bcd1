import { AppError } from '../errors';
import { authnRequestType } from './internal/authn-request-schema';
import { decodeSamlMessage, DEFAULT_SAML_MESSAGE_LIMITS, type SamlMessageLimits } from './internal/decode-saml-message';
import { parseRedirectQuery } from './internal/redirect-query';
import { parseUntrustedXml } from './internal/safe-xml';
import { checkElement, SchemaViolation } from './internal/schema-check';
import { parseBoolean, parseDateTime } from './internal/xsd-types';
import { NAMEID_FORMAT, SAML_NS } from './saml-constants';

/** What arrived at the SSO endpoint. */
export interface AuthnRequestInput {
  binding: 'redirect' | 'post';
  /** The `SAMLRequest` parameter, URL-decoded (for Redirect, ignored when `rawQuery` is given). */
  samlRequest: string;
  relayState?: string;
  sigAlg?: string;
  signature?: string;
  /** HTTP-Redirect only: the query string as received. Required to verify a Redirect signature. */
  rawQuery?: string;
}

/** How the request was signed, for `verifyAuthnRequestSignature`. */
export type AuthnRequestSignature =
  | { kind: 'none' }
  | { kind: 'redirect'; sigAlg: string; signature: string; signedOctets: string }
  | { kind: 'post'; xml: string };

/** The fields of an AuthnRequest that the SSO endpoint acts on. */
export interface ParsedAuthnRequest {
  binding: 'redirect' | 'post';
  id: string;
  issueInstant: Date;
  issuer: string;
  destination?: string;
  consent?: string;
  assertionConsumerServiceUrl?: string;
  assertionConsumerServiceIndex?: number;
  attributeConsumingServiceIndex?: number;
  protocolBinding?: string;
  providerName?: string;
  forceAuthn: boolean;
  isPassive: boolean;
  nameIdPolicy?: { format?: string; spNameQualifier?: string; allowCreate?: boolean };
  requestedAuthnContext?: { comparison: 'exact' | 'minimum' | 'maximum' | 'better'; classRefs: string[]; declRefs: string[] };
  relayState?: string;
  signature: AuthnRequestSignature;
  /** The decoded XML, for audit. */
  xml: string;
}

/** Options for {@link parseAuthnRequest}. */
export interface ParseAuthnRequestOptions {
  limits?: SamlMessageLimits;
  /** Longest RelayState accepted, in characters; the binding spec asks SPs for at most 80 bytes. Default 1024. */
  maxRelayStateLength?: number;
}

/**
 * Decodes, parses and schema-checks an AuthnRequest from the HTTP-Redirect or HTTP-POST
 * binding. Refuses oversized input before decoding, caps the inflated size, refuses any
 * DTD/entity, and checks the message against the SAML 2.0 protocol schema. It does not decide
 * whether to trust it: call `validateAuthnRequest` (issuer, signature, ACS, freshness, replay).
 *
 * Throws `AppError` with code `SAML_REQUEST_INVALID` (details.reason says which check failed)
 * or `SAML_REQUEST_TOO_LARGE`.
 */
export function parseAuthnRequest(input: AuthnRequestInput, options: ParseAuthnRequestOptions = {}): ParsedAuthnRequest {
  const limits = options.limits ?? DEFAULT_SAML_MESSAGE_LIMITS;
  let { samlRequest, relayState, sigAlg, signature } = input;
  let signedOctets: string | undefined;
  if (input.binding === 'redirect' && input.rawQuery !== undefined) {
    if (input.rawQuery.length > limits.maxEncodedLength * 4) {
      throw new AppError('SAML_REQUEST_TOO_LARGE', 'The query string is too large.', { reason: 'encoded_too_large' });
    }
    const query = parseRedirectQuery(input.rawQuery);
    ({ relayState, sigAlg, signature, signedOctets } = query);
    samlRequest = query.samlRequest ?? '';
  }
  const maxRelayState = options.maxRelayStateLength ?? 1024;
  if (relayState !== undefined && relayState.length > maxRelayState) {
    throw new AppError('SAML_REQUEST_INVALID', `The RelayState is longer than ${maxRelayState} characters.`, { reason: 'relay_state_too_long' });
  }
  const xml = decodeSamlMessage(samlRequest, input.binding, limits);
  const doc = parseUntrustedXml(xml);
  const root = doc.documentElement!;
  if (root.localName !== 'AuthnRequest' || root.namespaceURI !== SAML_NS.protocol) {
    throw new AppError('SAML_REQUEST_INVALID', `Expected a SAML 2.0 <samlp:AuthnRequest>, got <${root.nodeName.slice(0, 60)}>.`, { reason: 'not_authn_request' });
  }
  try {
    checkElement(root, authnRequestType, 'AuthnRequest');
  } catch (error) {
    if (!(error instanceof SchemaViolation)) throw error;
    throw new AppError('SAML_REQUEST_INVALID', `The AuthnRequest does not follow the SAML 2.0 schema: ${error.message}.`, { reason: 'schema' });
  }
  const child = (ns: string, name: string) => firstChild(root, ns, name);
  const issuerEl = child(SAML_NS.assertion, 'Issuer');
  if (!issuerEl) {
    throw new AppError('SAML_REQUEST_INVALID', 'The AuthnRequest has no <saml:Issuer>; the Web Browser SSO profile requires one.', { reason: 'no_issuer' });
  }
  const issuerFormat = issuerEl.getAttribute('Format');
  if (issuerFormat && issuerFormat !== NAMEID_FORMAT.entity) {
    throw new AppError('SAML_REQUEST_INVALID', 'The AuthnRequest Issuer must be an entity ID (Format omitted or nameid-format:entity).', { reason: 'issuer_format' });
  }
  const embeddedSignature = child(SAML_NS.ds, 'Signature');
  let sig: AuthnRequestSignature = { kind: 'none' };
  if (input.binding === 'redirect') {
    if (embeddedSignature) {
      throw new AppError('SAML_REQUEST_INVALID', 'An HTTP-Redirect request must not carry an XML signature; sign the query string (SigAlg, Signature) instead.', { reason: 'redirect_xml_signature' });
    }
    if (signature !== undefined || sigAlg !== undefined) {
      if (!signature || !sigAlg || signedOctets === undefined) {
        throw new AppError('SAML_SIGNATURE_INVALID', 'A signed HTTP-Redirect request needs SigAlg, Signature and the raw query string to verify them.', { reason: 'incomplete_redirect_signature' });
      }
      sig = { kind: 'redirect', sigAlg, signature, signedOctets };
    }
  } else if (embeddedSignature) {
    sig = { kind: 'post', xml };
  }
  const attr = (name: string) => (root.hasAttribute(name) ? root.getAttribute(name)! : undefined);
  const optionalInt = (name: string) => (root.hasAttribute(name) ? Number(root.getAttribute(name)!.trim()) : undefined);
  const policy = child(SAML_NS.protocol, 'NameIDPolicy');
  const rac = child(SAML_NS.protocol, 'RequestedAuthnContext');
  return {
    binding: input.binding,
    id: attr('ID')!,
    issueInstant: new Date(parseDateTime(attr('IssueInstant')!)),
    issuer: textOf(issuerEl).trim(),
    destination: attr('Destination'),
    consent: attr('Consent'),
    assertionConsumerServiceUrl: attr('AssertionConsumerServiceURL'),
    assertionConsumerServiceIndex: optionalInt('AssertionConsumerServiceIndex'),
    attributeConsumingServiceIndex: optionalInt('AttributeConsumingServiceIndex'),
    protocolBinding: attr('ProtocolBinding'),
    providerName: attr('ProviderName'),
    forceAuthn: root.hasAttribute('ForceAuthn') && parseBoolean(root.getAttribute('ForceAuthn')!),
    isPassive: root.hasAttribute('IsPassive') && parseBoolean(root.getAttribute('IsPassive')!),
    nameIdPolicy: policy
      ? {
          format: policy.getAttribute('Format') || undefined,
          spNameQualifier: policy.getAttribute('SPNameQualifier') || undefined,
          allowCreate: policy.hasAttribute('AllowCreate') ? parseBoolean(policy.getAttribute('AllowCreate')!) : undefined,
        }
      : undefined,
    requestedAuthnContext: rac
      ? {
          comparison: (rac.getAttribute('Comparison') || 'exact') as 'exact' | 'minimum' | 'maximum' | 'better',
          classRefs: childTexts(rac, 'AuthnContextClassRef'),
          declRefs: childTexts(rac, 'AuthnContextDeclRef'),
        }
      : undefined,
    relayState,
    signature: sig,
    xml,
  };
}

function firstChild(parent: Element, ns: string, name: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ns) return n as Element;
  }
  return undefined;
}

function childTexts(parent: Element, name: string): string[] {
  const out: string[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === name) out.push(textOf(n as Element).trim());
  }
  return out;
}

/** All text and CDATA of an element, concatenated (never just the first text node). */
function textOf(el: Element): string {
  let s = '';
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
  return s;
}
