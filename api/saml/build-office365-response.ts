import { AppError } from '../errors';
import { buildSamlResponse, type BuiltSamlResponse } from './build-saml-response';
import type { Office365ConnectorConfig } from './connector-config';
import { immutableIdFrom } from './immutable-id';
import { AUTHN_CONTEXT, MICROSOFT_ONLINE_SP, NAMEID_FORMAT } from './saml-constants';
import type { IdpSigningKey } from './signing-key';

/** How and when the user authenticated. */
export interface AuthnFacts {
  /** The real time of authentication; on SSO-session reuse keep the original time, not "now". */
  authnInstant: Date;
  /** True when the second factor (push or TOTP) was completed. */
  secondFactorPassed: boolean;
  /** Our session id, echoed as `AuthnStatement/@SessionIndex` so logout can find the session. */
  sessionIndex: string;
}

/** Input of {@link buildOffice365Response}. Pure: `now` and ids are passed in. */
export interface Office365ResponseInput {
  connector: Office365ConnectorConfig;
  signingKey: IdpSigningKey;
  /** The AuthnRequest ID; omit only for an IdP-initiated sign-in. */
  inResponseTo?: string;
  user: {
    /** base64 of the sourceAnchor bytes, or the bytes themselves. */
    immutableId: string | Uint8Array;
    /** The user's UPN in Entra ID; sent as `IDPEmail`. */
    upn: string;
  };
  authn: AuthnFacts;
  now: Date;
  ids: { responseId: string; assertionId: string };
}

/**
 * Builds the Response Microsoft Entra ID accepts for a federated domain (reference §0): persistent
 * NameID = ImmutableID, `IDPEmail` = UPN, Audience `urn:federation:MicrosoftOnline`, Destination and
 * Recipient login.srf, Issuer = the connector's Issuer URI on Response and Assertion, an
 * AuthnStatement carrying `multipleauthn` only after a completed second factor, bearer
 * confirmation for 5 minutes, Conditions for 1 hour, and an assertion-only RSA-SHA256 signature
 * right after Assertion/Issuer.
 */
export async function buildOffice365Response(input: Office365ResponseInput): Promise<BuiltSamlResponse> {
  const { connector, user } = input;
  const immutableId = immutableIdFrom(user.immutableId, connector.immutableId.encoding, connector.immutableId.attribute);
  assertUpnInDomain(user.upn, connector.federatedDomain);
  return buildSamlResponse({
    issuer: connector.issuerUri,
    destination: MICROSOFT_ONLINE_SP.acsUrl,
    audience: MICROSOFT_ONLINE_SP.entityId,
    inResponseTo: input.inResponseTo,
    nameId: { value: immutableId, format: NAMEID_FORMAT.persistent },
    attributes: [{ name: 'IDPEmail', values: [user.upn] }],
    authnContextClassRef: input.authn.secondFactorPassed ? AUTHN_CONTEXT.microsoftMultipleAuthn : AUTHN_CONTEXT.passwordProtectedTransport,
    authnInstant: input.authn.authnInstant,
    sessionIndex: input.authn.sessionIndex,
    now: input.now,
    ids: input.ids,
    validity: { subjectConfirmationSeconds: 300, conditionsSeconds: 3600, notBeforeSkewSeconds: 30 },
    // Entra requires the assertion signed; an assertion-only signature also suits its ECP path.
    signing: { key: input.signingKey, algorithm: 'RSA_SHA256', signAssertion: true, signResponse: false },
  });
}

/**
 * Entra finds the domain from the Issuer, so a user whose UPN is outside the federated domain (or
 * its subdomains) cannot sign in through this connector. Fail here with a message the admin can act on.
 */
function assertUpnInDomain(upn: string, domain: string): void {
  const at = upn.lastIndexOf('@');
  const suffix = at > 0 ? upn.slice(at + 1).toLowerCase() : '';
  if (at <= 0 || upn.indexOf('@') !== at || (suffix !== domain && !suffix.endsWith('.' + domain))) {
    throw new AppError('SAML_VALUE_INVALID', `The user's UPN must be an address in ${domain} (or a subdomain) to sign in to Microsoft 365 through this connector.`);
  }
}
