// The SAML 2.0 protocol schema (saml-schema-protocol-2.0.xsd) for <samlp:AuthnRequest>, with the
// assertion-schema and xmldsig types it references, as data for schema-check.ts.

import { SAML_NS } from '../saml-constants';
import { one, type AttributeRule, type ElementType, type SimpleCheck } from './schema-check';
import {
  checkAnyUri,
  checkBase64,
  checkBoolean,
  checkDateTime,
  checkNcName,
  checkNonNegativeInteger,
  checkString,
  checkUnsignedShort,
} from './xsd-types';

const { protocol: P, assertion: A, ds: DS } = SAML_NS;
const opt = (check: SimpleCheck): AttributeRule => ({ check });
const req = (check: SimpleCheck): AttributeRule => ({ check, required: true });
const UNBOUNDED = Number.POSITIVE_INFINITY;
const lax = (attributes?: Record<string, AttributeRule>, otherAttributes = false): ElementType => ({ attributes, otherAttributes, content: { kind: 'lax' } });
const textOf = (check: SimpleCheck, attributes?: Record<string, AttributeRule>): ElementType => ({ attributes, content: { kind: 'text', check } });

/** saml:NameIDType (Issuer, NameID). */
const nameIdType = textOf(checkString, {
  NameQualifier: opt(checkString),
  SPNameQualifier: opt(checkString),
  Format: opt(checkAnyUri),
  SPProvidedID: opt(checkString),
});

const algorithmOnly = lax({ Algorithm: req(checkAnyUri) });
const reference: ElementType = {
  attributes: { Id: opt(checkNcName), URI: opt(checkAnyUri), Type: opt(checkAnyUri) },
  content: {
    kind: 'elements',
    particles: [
      one(DS, 'Transforms', { content: { kind: 'elements', particles: [one(DS, 'Transform', algorithmOnly, 1, UNBOUNDED)] } }, 0),
      one(DS, 'DigestMethod', algorithmOnly),
      one(DS, 'DigestValue', textOf(checkBase64)),
    ],
  },
};
/** ds:SignatureType. KeyInfo and Object are not examined: keys come from the SP's trusted certificates. */
export const signatureType: ElementType = {
  attributes: { Id: opt(checkNcName) },
  content: {
    kind: 'elements',
    particles: [
      one(DS, 'SignedInfo', {
        attributes: { Id: opt(checkNcName) },
        content: {
          kind: 'elements',
          particles: [
            one(DS, 'CanonicalizationMethod', algorithmOnly),
            one(DS, 'SignatureMethod', algorithmOnly),
            one(DS, 'Reference', reference, 1, UNBOUNDED),
          ],
        },
      }),
      one(DS, 'SignatureValue', textOf(checkBase64, { Id: opt(checkNcName) })),
      one(DS, 'KeyInfo', lax({ Id: opt(checkNcName) }), 0),
      one(DS, 'Object', lax(undefined, true), 0, UNBOUNDED),
    ],
  },
};

const subjectType: ElementType = {
  content: {
    kind: 'elements',
    particles: [
      { choice: [one(A, 'BaseID', lax(undefined, true)), one(A, 'NameID', nameIdType), one(A, 'EncryptedID', lax())], min: 0, max: 1 },
      one(A, 'SubjectConfirmation', lax({ Method: req(checkAnyUri) }), 0, UNBOUNDED),
    ],
  },
  check: (el) => (el.firstChild === null || !hasElementChild(el) ? 'must not be empty' : null),
};

const conditionsType: ElementType = {
  attributes: { NotBefore: opt(checkDateTime), NotOnOrAfter: opt(checkDateTime) },
  content: {
    kind: 'elements',
    particles: [
      {
        choice: [
          one(A, 'Condition', lax(undefined, true)),
          one(A, 'AudienceRestriction', { content: { kind: 'elements', particles: [one(A, 'Audience', textOf(checkAnyUri), 1, UNBOUNDED)] } }),
          one(A, 'OneTimeUse', { content: { kind: 'empty' } }),
          one(A, 'ProxyRestriction', lax({ Count: opt(checkNonNegativeInteger) })),
        ],
        min: 0,
        max: UNBOUNDED,
      },
    ],
  },
};

const requestedAuthnContextType: ElementType = {
  attributes: { Comparison: opt((v) => (['exact', 'minimum', 'maximum', 'better'].includes(v) ? null : 'must be exact, minimum, maximum or better')) },
  content: {
    kind: 'elements',
    particles: [
      {
        choice: [one(A, 'AuthnContextClassRef', textOf(checkAnyUri), 1, UNBOUNDED), one(A, 'AuthnContextDeclRef', textOf(checkAnyUri), 1, UNBOUNDED)],
        min: 1,
        max: 1,
      },
    ],
  },
};

const scopingType: ElementType = {
  attributes: { ProxyCount: opt(checkNonNegativeInteger) },
  content: {
    kind: 'elements',
    particles: [
      one(
        P,
        'IDPList',
        {
          content: {
            kind: 'elements',
            particles: [
              one(P, 'IDPEntry', { attributes: { ProviderID: req(checkAnyUri), Name: opt(checkString), Loc: opt(checkAnyUri) }, content: { kind: 'empty' } }, 1, UNBOUNDED),
              one(P, 'GetComplete', textOf(checkAnyUri), 0),
            ],
          },
        },
        0,
      ),
      one(P, 'RequesterID', textOf(checkAnyUri), 0, UNBOUNDED),
    ],
  },
};

/** samlp:AuthnRequestType (extending RequestAbstractType), with the SAML core §3.4.1 co-occurrence rule. */
export const authnRequestType: ElementType = {
  attributes: {
    ID: req(checkNcName),
    Version: req((v) => (v === '2.0' ? null : `must be "2.0" (this is a SAML ${JSON.stringify(v.slice(0, 10))} request)`)),
    IssueInstant: req(checkDateTime),
    Destination: opt(checkAnyUri),
    Consent: opt(checkAnyUri),
    ForceAuthn: opt(checkBoolean),
    IsPassive: opt(checkBoolean),
    ProtocolBinding: opt(checkAnyUri),
    AssertionConsumerServiceIndex: opt(checkUnsignedShort),
    AssertionConsumerServiceURL: opt(checkAnyUri),
    AttributeConsumingServiceIndex: opt(checkUnsignedShort),
    ProviderName: opt(checkString),
  },
  content: {
    kind: 'elements',
    particles: [
      one(A, 'Issuer', nameIdType, 0),
      one(DS, 'Signature', signatureType, 0),
      one(P, 'Extensions', { content: { kind: 'elements', particles: [{ otherThan: P, min: 1, max: UNBOUNDED }] } }, 0),
      one(A, 'Subject', subjectType, 0),
      one(P, 'NameIDPolicy', { attributes: { Format: opt(checkAnyUri), SPNameQualifier: opt(checkString), AllowCreate: opt(checkBoolean) }, content: { kind: 'empty' } }, 0),
      one(A, 'Conditions', conditionsType, 0),
      one(P, 'RequestedAuthnContext', requestedAuthnContextType, 0),
      one(P, 'Scoping', scopingType, 0),
    ],
  },
  check: (el) =>
    el.hasAttribute('AssertionConsumerServiceIndex') && (el.hasAttribute('AssertionConsumerServiceURL') || el.hasAttribute('ProtocolBinding'))
      ? 'must not have AssertionConsumerServiceIndex together with AssertionConsumerServiceURL or ProtocolBinding'
      : null,
};

function hasElementChild(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) return true;
  return false;
}
