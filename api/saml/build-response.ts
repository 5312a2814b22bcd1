import { AppError } from '../errors';
import { buildGenericResponse } from './build-generic-response';
import { buildOffice365Response, type AuthnFacts } from './build-office365-response';
import type { BuiltSamlResponse } from './build-saml-response';
import type { SamlConnectorConfig } from './connector-config';
import { singleProfileValue, type DirectoryProfile } from './directory-profile';
import { MICROSOFT_ONLINE_SP } from './saml-constants';
import type { IdpSigningKey } from './signing-key';

/** Input of {@link buildResponse}: a connector of either kind and the user's directory entry. */
export interface BuildResponseInput {
  connector: SamlConnectorConfig;
  signingKey: IdpSigningKey;
  /** The ACS URL from `resolveAcsUrl`; for Office 365 it must be login.srf (the default). */
  acsUrl?: string;
  inResponseTo?: string;
  profile: DirectoryProfile;
  authn: AuthnFacts;
  now: Date;
  ids: { responseId: string; assertionId: string };
}

/**
 * Builds the signed Response for a connector: for Office 365 the ImmutableID and UPN are read
 * from the profile attributes the connector names; for generic SPs the NameID and attribute
 * mapping are applied. Pure: the clock and ids are inputs.
 */
export async function buildResponse(input: BuildResponseInput): Promise<BuiltSamlResponse> {
  const { connector } = input;
  if (connector.kind === 'OFFICE_365') {
    if (input.acsUrl !== undefined && input.acsUrl !== MICROSOFT_ONLINE_SP.acsUrl) {
      throw new AppError('SAML_ACS_NOT_REGISTERED', `Microsoft 365 responses go only to ${MICROSOFT_ONLINE_SP.acsUrl}.`);
    }
    const immutableId = singleProfileValue(input.profile, connector.immutableId.attribute, 'ImmutableID');
    const upn = singleProfileValue(input.profile, connector.upnAttribute, 'IDPEmail (UPN)');
    return buildOffice365Response({
      connector,
      signingKey: input.signingKey,
      inResponseTo: input.inResponseTo,
      user: { immutableId, upn: typeof upn === 'string' ? upn : Buffer.from(upn).toString('utf8') },
      authn: input.authn,
      now: input.now,
      ids: input.ids,
    });
  }
  if (input.acsUrl === undefined) throw new AppError('INTERNAL', 'A generic SAML response needs the ACS URL chosen for the request.');
  return buildGenericResponse({ ...input, connector, acsUrl: input.acsUrl });
}
