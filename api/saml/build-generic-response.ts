import { AppError } from '../errors';
import type { AuthnFacts } from './build-office365-response';
import { buildSamlResponse, type AssertedAttribute, type BuiltSamlResponse } from './build-saml-response';
import type { GenericConnectorConfig } from './connector-config';
import { profileStrings, singleProfileValue, type DirectoryProfile } from './directory-profile';
import { AUTHN_CONTEXT, SAML_BINDING } from './saml-constants';
import type { IdpSigningKey } from './signing-key';

/** Input of {@link buildGenericResponse}. Pure: `now` and ids are passed in. */
export interface GenericResponseInput {
  connector: GenericConnectorConfig;
  signingKey: IdpSigningKey;
  /** The ACS URL chosen by `resolveAcsUrl`; must be one of the SP's registered HTTP-POST endpoints. */
  acsUrl: string;
  inResponseTo?: string;
  profile: DirectoryProfile;
  authn: AuthnFacts;
  now: Date;
  ids: { responseId: string; assertionId: string };
}

/**
 * Builds a Response for a generic SAML SP: the configured NameID format and source attribute,
 * the attribute mapping (SAML attribute name ← profile field; missing fields are left out), and
 * signatures on the assertion and/or the response as configured.
 */
export async function buildGenericResponse(input: GenericResponseInput): Promise<BuiltSamlResponse> {
  const { connector, profile } = input;
  const registered = connector.sp.assertionConsumerServices.some((a) => a.url === input.acsUrl && a.binding === SAML_BINDING.post);
  if (!registered) {
    throw new AppError('SAML_ACS_NOT_REGISTERED', 'The response can only be sent to an assertion consumer service URL registered for this application with the HTTP-POST binding.');
  }
  const rawNameId = singleProfileValue(profile, connector.nameId.sourceAttribute, 'NameID');
  const nameId = typeof rawNameId === 'string' ? rawNameId : Buffer.from(rawNameId).toString('base64');
  const attributes: AssertedAttribute[] = connector.attributes.map((mapping) => ({
    name: mapping.name,
    nameFormat: mapping.nameFormat,
    friendlyName: mapping.friendlyName,
    values: profileStrings(profile, mapping.profileField),
  }));
  const contexts = connector.authnContext ?? { mfa: AUTHN_CONTEXT.refedsMfa, passwordOnly: AUTHN_CONTEXT.passwordProtectedTransport };
  return buildSamlResponse({
    issuer: connector.idpEntityId,
    destination: input.acsUrl,
    audience: connector.sp.entityId,
    inResponseTo: input.inResponseTo,
    nameId: { value: nameId, format: connector.nameId.format },
    attributes,
    authnContextClassRef: input.authn.secondFactorPassed ? contexts.mfa : contexts.passwordOnly,
    authnInstant: input.authn.authnInstant,
    sessionIndex: input.authn.sessionIndex,
    now: input.now,
    ids: input.ids,
    validity: { subjectConfirmationSeconds: 300, conditionsSeconds: 300, notBeforeSkewSeconds: 30 },
    signing: {
      key: input.signingKey,
      algorithm: connector.signatureAlgorithm,
      signAssertion: connector.signAssertion,
      signResponse: connector.signResponse,
    },
  });
}
