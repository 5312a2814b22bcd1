import { AppError } from '../errors';
import type { SignatureAlgorithm } from './connector-config';
import { el, openTag, text, xmlns } from './internal/canonical-xml';
import { signEnvelopedElement, unsignedElement, type SignableElement } from './internal/enveloped-signature';
import { checkNcName } from './internal/xsd-types';
import { ATTRNAME_FORMAT, SAML_NS, SAML_STATUS } from './saml-constants';
import type { IdpSigningKey } from './signing-key';

/** A SAML attribute to assert. Attributes without values are left out. */
export interface AssertedAttribute {
  name: string;
  nameFormat?: string;
  friendlyName?: string;
  values: readonly string[];
}

/** How long a Response is valid, in seconds relative to `now`. */
export interface ResponseValidity {
  /** Bearer `SubjectConfirmationData/@NotOnOrAfter`; default 300 (Microsoft's sample). */
  subjectConfirmationSeconds?: number;
  /** `Conditions/@NotOnOrAfter`; default 300 (Office 365 builder: 3600, Microsoft's sample). */
  conditionsSeconds?: number;
  /** `Conditions/@NotBefore` is this much before `now`, for SPs whose clock runs behind; default 30. */
  notBeforeSkewSeconds?: number;
}

/** Everything a signed, successful SAML Response says. Pure: clock and ids come in. */
export interface SamlResponseInput {
  issuer: string;
  /** The ACS URL: Response/@Destination and SubjectConfirmationData/@Recipient. */
  destination: string;
  audience: string;
  /** The AuthnRequest ID; leave undefined for an IdP-initiated (unsolicited) Response. */
  inResponseTo?: string;
  nameId: { value: string; format: string; spNameQualifier?: string };
  attributes: readonly AssertedAttribute[];
  authnContextClassRef: string;
  /** When the user really authenticated; Entra's sign-in frequency reads it. */
  authnInstant: Date;
  sessionIndex: string;
  now: Date;
  ids: { responseId: string; assertionId: string };
  validity?: ResponseValidity;
  signing: { key: IdpSigningKey; algorithm: SignatureAlgorithm; signAssertion: boolean; signResponse: boolean };
}

/** A built Response: the XML and its base64 for the `SAMLResponse` form field. */
export interface BuiltSamlResponse {
  xml: string;
  samlResponse: string;
  responseId: string;
  assertionId?: string;
}

const SAMLP = xmlns('samlp', SAML_NS.protocol);
const SAML = xmlns('saml', SAML_NS.assertion);

/**
 * Builds a successful Response with one Assertion (Subject with bearer confirmation,
 * Conditions/AudienceRestriction, AttributeStatement, AuthnStatement), signing the Assertion
 * and/or the Response. Every value is XML-escaped; a value XML cannot carry throws
 * `SAML_VALUE_INVALID`.
 */
export async function buildSamlResponse(input: SamlResponseInput): Promise<BuiltSamlResponse> {
  const { ids, signing } = input;
  assertId(ids.responseId, 'response ID');
  assertId(ids.assertionId, 'assertion ID');
  if (ids.responseId === ids.assertionId) throw new AppError('INTERNAL', 'The response and assertion IDs must differ.');
  if (input.inResponseTo !== undefined) assertId(input.inResponseTo, 'InResponseTo');
  const now = input.now.getTime();
  const v = input.validity ?? {};
  const issueInstant = iso(now);
  const subjectExpiry = iso(now + (v.subjectConfirmationSeconds ?? 300) * 1000);
  const notBefore = iso(now - (v.notBeforeSkewSeconds ?? 30) * 1000);
  const notOnOrAfter = iso(now + (v.conditionsSeconds ?? 300) * 1000);

  const subject = el(
    'saml:Subject',
    null,
    el('saml:NameID', { Format: input.nameId.format, SPNameQualifier: input.nameId.spNameQualifier }, text(requireValue(input.nameId.value, 'NameID'), 'The NameID value')) +
      el(
        'saml:SubjectConfirmation',
        { Method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer' },
        el('saml:SubjectConfirmationData', { InResponseTo: input.inResponseTo, NotOnOrAfter: subjectExpiry, Recipient: input.destination }, ''),
      ),
  );
  const conditions = el(
    'saml:Conditions',
    { NotBefore: notBefore, NotOnOrAfter: notOnOrAfter },
    el('saml:AudienceRestriction', null, el('saml:Audience', null, text(input.audience))),
  );
  const attributeStatement = buildAttributeStatement(input.attributes);
  const authnStatement = el(
    'saml:AuthnStatement',
    { AuthnInstant: iso(input.authnInstant.getTime()), SessionIndex: requireValue(input.sessionIndex, 'SessionIndex') },
    el('saml:AuthnContext', null, el('saml:AuthnContextClassRef', null, text(input.authnContextClassRef))),
  );
  const assertionElement: SignableElement = {
    id: ids.assertionId,
    open: openTag('saml:Assertion', { ID: ids.assertionId, IssueInstant: issueInstant, Version: '2.0' }, SAML),
    issuer: el('saml:Issuer', null, text(input.issuer, 'The issuer')),
    rest: subject + conditions + attributeStatement + authnStatement + '</saml:Assertion>',
  };
  const assertion = signing.signAssertion
    ? await signEnvelopedElement(assertionElement, signing.key, signing.algorithm)
    : unsignedElement(assertionElement);

  const response: SignableElement = {
    id: ids.responseId,
    open: openTag(
      'samlp:Response',
      { Destination: input.destination, ID: ids.responseId, InResponseTo: input.inResponseTo, IssueInstant: issueInstant, Version: '2.0' },
      SAMLP,
    ),
    issuer: el('saml:Issuer', null, text(input.issuer, 'The issuer'), SAML),
    rest: statusXml(SAML_STATUS.success) + assertion + '</samlp:Response>',
  };
  const xml = signing.signResponse ? await signEnvelopedElement(response, signing.key, signing.algorithm) : unsignedElement(response);
  return { xml, samlResponse: Buffer.from(xml, 'utf8').toString('base64'), responseId: ids.responseId, assertionId: ids.assertionId };
}

function buildAttributeStatement(attributes: readonly AssertedAttribute[]): string {
  let body = '';
  for (const attribute of attributes) {
    if (attribute.values.length === 0) continue;
    let values = '';
    for (const value of attribute.values) values += el('saml:AttributeValue', null, text(value, `The value of attribute ${attribute.name}`));
    const nameFormat = attribute.nameFormat ?? (/^[a-z][a-z0-9+.-]*:/i.test(attribute.name) ? ATTRNAME_FORMAT.uri : ATTRNAME_FORMAT.basic);
    body += el('saml:Attribute', { FriendlyName: attribute.friendlyName, Name: attribute.name, NameFormat: nameFormat }, values);
  }
  return body ? el('saml:AttributeStatement', null, body) : '';
}

/** `<samlp:Status>` with a top-level code, an optional second-level code and message. */
export function statusXml(topLevel: string, secondLevel?: string, message?: string): string {
  const inner = secondLevel ? el('samlp:StatusCode', { Value: secondLevel }, '') : '';
  return el(
    'samlp:Status',
    null,
    el('samlp:StatusCode', { Value: topLevel }, inner) + (message ? el('samlp:StatusMessage', null, text(message)) : ''),
  );
}

/** Throws unless the value is an xs:ID, as every SAML ID and InResponseTo must be. */
export function assertId(value: string, what: string): void {
  if (checkNcName(value) !== null) throw new AppError('INTERNAL', `The ${what} is not a valid XML ID.`);
}

function requireValue(value: string, what: string): string {
  if (value.length === 0) throw new AppError('SAML_VALUE_INVALID', `The ${what} is empty; the user's directory entry lacks the attribute it comes from.`);
  return value;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
