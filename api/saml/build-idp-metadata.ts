import samlify from 'samlify';
import { AppError } from '../errors';
import { NAMEID_FORMAT, SAML_BINDING } from './saml-constants';
import { describeCertificate, type SigningCertificate, type SigningSlots } from './signing-key';

/** Input of {@link buildIdpMetadata}. */
export interface IdpMetadataInput {
  entityId: string;
  /** SSO endpoints; Entra posts to `post`, generic SPs may use either. */
  ssoUrls: { post: string; redirect?: string };
  /** Single logout endpoints; Entra redirects its sign-out to `redirect`. At least one. */
  sloUrls: { redirect?: string; post?: string };
  /** Current and next signing certificates: SPs that read metadata learn the next one before the switch. */
  certificates: SigningSlots<Pick<SigningCertificate, 'certificateBase64Der'> | string>;
  /** Default: persistent, then emailAddress, unspecified. */
  nameIdFormats?: readonly string[];
  wantAuthnRequestsSigned?: boolean;
}

/**
 * Builds the IdP's SAML 2.0 metadata (EntityDescriptor/IDPSSODescriptor) with samlify's metadata
 * builder, whose `xml` serializer escapes every value. The children are emitted in the order
 * the metadata schema requires (KeyDescriptor, SingleLogoutService, NameIDFormat,
 * SingleSignOnService); samlify's default IdP order puts NameIDFormat first and is not schema-valid.
 */
export function buildIdpMetadata(input: IdpMetadataInput): string {
  const certs = [input.certificates.current, input.certificates.next]
    .filter((c): c is NonNullable<typeof c> => c !== undefined)
    .map((c) => describeCertificate(typeof c === 'string' ? c : c.certificateBase64Der).certificateBase64Der);
  const sso: { Binding: string; Location: string }[] = [{ Binding: SAML_BINDING.post, Location: input.ssoUrls.post }];
  if (input.ssoUrls.redirect) sso.push({ Binding: SAML_BINDING.redirect, Location: input.ssoUrls.redirect });
  const slo: { Binding: string; Location: string }[] = [];
  if (input.sloUrls.redirect) slo.push({ Binding: SAML_BINDING.redirect, Location: input.sloUrls.redirect });
  if (input.sloUrls.post) slo.push({ Binding: SAML_BINDING.post, Location: input.sloUrls.post });
  if (slo.length === 0) throw new AppError('BAD_USER_INPUT', 'Give at least one single logout URL for the IdP metadata.');
  const metadata = samlify.IdPMetadata({
    entityID: input.entityId,
    signingCert: certs,
    wantAuthnRequestsSigned: input.wantAuthnRequestsSigned ?? false,
    nameIDFormat: [...(input.nameIdFormats ?? [NAMEID_FORMAT.persistent, NAMEID_FORMAT.emailAddress, NAMEID_FORMAT.unspecified])],
    singleSignOnService: sso,
    singleLogoutService: slo,
    elementsOrder: samlify.Constants.elementsOrder.idp.shibboleth,
  });
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + metadata.getMetadata();
}
