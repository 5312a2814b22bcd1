import { AppError } from '../errors';
import type { AcsEndpoint, SamlConnectorConfig } from './connector-config';
import { serviceProviderOf, type ServiceProviderTrust } from './parse-connector-config';
import type { ParsedAuthnRequest } from './parse-authn-request';
import type { ReplayCache } from './replay-cache';
import { NAMEID_FORMAT, SAML_BINDING } from './saml-constants';
import { verifyAuthnRequestSignature, type SignatureVerdict } from './verify-authn-request-signature';

const quote = (value: string) => JSON.stringify(value.length > 120 ? value.slice(0, 120) + '…' : value);

/** Refuses a request whose Issuer is not the SP entity this connector trusts. */
export function checkIssuer(request: ParsedAuthnRequest, sp: ServiceProviderTrust): void {
  if (request.issuer !== sp.entityId) {
    throw new AppError('SAML_UNKNOWN_ISSUER', `The request comes from ${quote(request.issuer)}, but this connector trusts only ${quote(sp.entityId)}.`);
  }
}

/**
 * Chooses where the Response goes: the request's AssertionConsumerServiceURL only if it is
 * registered (exact string match) with HTTP-POST, its AssertionConsumerServiceIndex only if
 * registered, else the SP's default HTTP-POST endpoint. Throws `SAML_ACS_NOT_REGISTERED`.
 */
export function resolveAcsUrl(request: ParsedAuthnRequest, sp: ServiceProviderTrust): AcsEndpoint {
  const post = sp.assertionConsumerServices.filter((a) => a.binding === SAML_BINDING.post);
  if (request.protocolBinding !== undefined && request.protocolBinding !== SAML_BINDING.post) {
    throw new AppError('SAML_ACS_NOT_REGISTERED', `The request asks for the response by ${quote(request.protocolBinding)}; only HTTP-POST is supported.`);
  }
  if (request.assertionConsumerServiceUrl !== undefined) {
    const match = post.find((a) => a.url === request.assertionConsumerServiceUrl);
    if (!match) {
      throw new AppError('SAML_ACS_NOT_REGISTERED', `The request asks to send the response to ${quote(request.assertionConsumerServiceUrl)}, which is not a registered HTTP-POST assertion consumer service of this application.`);
    }
    return match;
  }
  if (request.assertionConsumerServiceIndex !== undefined) {
    const match = post.find((a) => a.index === request.assertionConsumerServiceIndex);
    if (!match) throw new AppError('SAML_ACS_NOT_REGISTERED', `The request names assertion consumer service index ${request.assertionConsumerServiceIndex}, which is not registered with HTTP-POST.`);
    return match;
  }
  const fallback = post.find((a) => a.isDefault) ?? [...post].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))[0];
  if (!fallback) throw new AppError('SAML_ACS_NOT_REGISTERED', 'This application has no HTTP-POST assertion consumer service registered.');
  return fallback;
}

/** A present Destination must be one of our SSO URLs (exact match); signed requests from Entra carry it. */
export function checkDestination(request: ParsedAuthnRequest, ssoUrls: readonly string[]): void {
  if (request.destination !== undefined && !ssoUrls.includes(request.destination)) {
    throw new AppError('SAML_REQUEST_INVALID', `The request is addressed to ${quote(request.destination)}, not to this sign-in service.`, { reason: 'destination' });
  }
}

/** Clock tolerances for {@link checkFreshness} and the replay window. */
export interface FreshnessPolicy {
  /** How old IssueInstant may be; default 600 s. */
  maxAgeSeconds?: number;
  /** Allowed clock difference with the SP; default 180 s. */
  clockSkewSeconds?: number;
}

/** Refuses a request issued too long ago or in the future; returns when its replay record may expire (epoch ms). */
export function checkFreshness(request: ParsedAuthnRequest, now: Date, policy: FreshnessPolicy = {}): number {
  const maxAge = (policy.maxAgeSeconds ?? 600) * 1000;
  const skew = (policy.clockSkewSeconds ?? 180) * 1000;
  const issued = request.issueInstant.getTime();
  if (!Number.isFinite(issued) || issued > now.getTime() + skew || issued < now.getTime() - maxAge - skew) {
    const when = Number.isFinite(issued) ? request.issueInstant.toISOString() : 'an invalid time';
    throw new AppError('SAML_REQUEST_EXPIRED', `The request was issued at ${when}, outside the accepted window; check the application's clock or start the sign-in again.`);
  }
  return issued + maxAge + skew;
}

/** Refuses a request ID (per issuer) seen before within its validity window. */
export function checkReplay(request: ParsedAuthnRequest, cache: ReplayCache, expiresAt: number): void {
  if (cache.seen(`${request.issuer}\n${request.id}`, expiresAt)) {
    throw new AppError('SAML_REPLAY', 'This sign-in request was already used; start the sign-in again from the application.');
  }
}

/** Refuses a NameIDPolicy Format other than the one the connector sends (unspecified matches anything). */
export function checkNameIdPolicy(request: ParsedAuthnRequest, sentFormat: string): void {
  const wanted = request.nameIdPolicy?.format;
  if (wanted !== undefined && wanted !== NAMEID_FORMAT.unspecified && wanted !== sentFormat) {
    throw new AppError('SAML_NAMEID_POLICY_UNSUPPORTED', `The application asks for NameID format ${quote(wanted)}, but this connector sends ${quote(sentFormat)}.`);
  }
}

/** Inputs of {@link validateAuthnRequest}. */
export interface ValidateAuthnRequestOptions {
  connector: SamlConnectorConfig;
  /** Our SSO endpoint URLs, for the Destination check. */
  ssoUrls: readonly string[];
  replayCache: ReplayCache;
  now: Date;
  freshness?: FreshnessPolicy;
}

/** A request the endpoint may answer, with where and how. */
export interface ValidatedAuthnRequest {
  requestId: string;
  acs: AcsEndpoint;
  relayState?: string;
  forceAuthn: boolean;
  isPassive: boolean;
  signature: SignatureVerdict;
}

/**
 * Runs every request-level check in order (issuer, signature, destination, freshness, ACS,
 * NameIDPolicy, and last replay, so only acceptable requests are recorded).
 */
export function validateAuthnRequest(request: ParsedAuthnRequest, options: ValidateAuthnRequestOptions): ValidatedAuthnRequest {
  const sp = serviceProviderOf(options.connector);
  checkIssuer(request, sp);
  const signature = verifyAuthnRequestSignature(request, { certificates: sp.signingCertificates, required: sp.requireSignedAuthnRequests });
  checkDestination(request, options.ssoUrls);
  const expiresAt = checkFreshness(request, options.now, options.freshness);
  const acs = resolveAcsUrl(request, sp);
  checkNameIdPolicy(request, options.connector.kind === 'OFFICE_365' ? NAMEID_FORMAT.persistent : options.connector.nameId.format);
  checkReplay(request, options.replayCache, expiresAt);
  return { requestId: request.id, acs, relayState: request.relayState, forceAuthn: request.forceAuthn, isPassive: request.isPassive, signature };
}
