import { assertId, statusXml, type BuiltSamlResponse } from './build-saml-response';
import type { SignatureAlgorithm } from './connector-config';
import { el, openTag, text, xmlns } from './internal/canonical-xml';
import { signEnvelopedElement, unsignedElement } from './internal/enveloped-signature';
import { SAML_NS, SAML_STATUS } from './saml-constants';
import type { IdpSigningKey } from './signing-key';

/** Why the sign-in failed, as the SP will see it. */
export type SamlFailure = 'AuthnFailed' | 'RequestDenied' | 'Responder' | 'Requester' | 'InvalidNameIDPolicy' | 'NoPassive' | 'VersionMismatch';

const STATUS_CODES: Record<SamlFailure, [top: string, second?: string]> = {
  AuthnFailed: [SAML_STATUS.responder, SAML_STATUS.authnFailed],
  RequestDenied: [SAML_STATUS.responder, SAML_STATUS.requestDenied],
  Responder: [SAML_STATUS.responder],
  Requester: [SAML_STATUS.requester],
  InvalidNameIDPolicy: [SAML_STATUS.requester, SAML_STATUS.invalidNameIdPolicy],
  NoPassive: [SAML_STATUS.responder, SAML_STATUS.noPassive],
  VersionMismatch: [SAML_STATUS.versionMismatch],
};

/** Input of {@link buildErrorResponse}. */
export interface ErrorResponseInput {
  issuer: string;
  /** The ACS URL the error goes to. */
  destination: string;
  inResponseTo?: string;
  failure: SamlFailure;
  /** A short message for the SP's logs; never put internals here. */
  statusMessage?: string;
  now: Date;
  responseId: string;
  /** Sign the Response (recommended so the SP can trust the status); omit to send it unsigned. */
  signing?: { key: IdpSigningKey; algorithm: SignatureAlgorithm };
}

/**
 * Builds a Response with no assertion and a failure status (top-level Responder/Requester with
 * AuthnFailed, RequestDenied, … as second-level code), so the SP can end its sign-in cleanly.
 */
export async function buildErrorResponse(input: ErrorResponseInput): Promise<BuiltSamlResponse> {
  assertId(input.responseId, 'response ID');
  if (input.inResponseTo !== undefined) assertId(input.inResponseTo, 'InResponseTo');
  const [top, second] = STATUS_CODES[input.failure];
  const element = {
    id: input.responseId,
    open: openTag(
      'samlp:Response',
      {
        Destination: input.destination,
        ID: input.responseId,
        InResponseTo: input.inResponseTo,
        IssueInstant: input.now.toISOString(),
        Version: '2.0',
      },
      xmlns('samlp', SAML_NS.protocol),
    ),
    issuer: el('saml:Issuer', null, text(input.issuer), xmlns('saml', SAML_NS.assertion)),
    rest: statusXml(top, second, input.statusMessage) + '</samlp:Response>',
  };
  const xml = input.signing ? await signEnvelopedElement(element, input.signing.key, input.signing.algorithm) : unsignedElement(element);
  return { xml, samlResponse: Buffer.from(xml, 'utf8').toString('base64'), responseId: input.responseId };
}
