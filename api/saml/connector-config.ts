import { z } from 'zod';
import { ATTRNAME_FORMAT, NAMEID_FORMAT, SAML_BINDING } from './saml-constants';

/** Signature algorithms an admin can choose. RSA-SHA1 is accepted for old SPs, with a warning. */
export const signatureAlgorithmSchema = z.enum(['RSA_SHA256', 'RSA_SHA512', 'RSA_SHA1'], {
  error: 'Choose RSA_SHA256 (recommended), RSA_SHA512, or RSA_SHA1 (only for service providers that cannot verify SHA-256).',
});
export type SignatureAlgorithm = z.output<typeof signatureAlgorithmSchema>;

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;
const DIRECTORY_ATTRIBUTE = /^(?:[A-Za-z][A-Za-z0-9-]{0,127}|\d+(?:\.\d+)+)$/;
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

/** An absolute URI such as `https://idp.example.com/saml/contoso` or `urn:example:idp`. */
const absoluteUri = (what: string) =>
  z.string().trim().max(1024, `${what} must be at most 1024 characters.`).regex(ABSOLUTE_URI, `${what} must be an absolute URI, e.g. https://sso.example.com/saml or urn:example:idp.`);

/** An https URL (http only for localhost, for development). */
const endpointUrl = (what: string) =>
  z.string().trim().max(2048, `${what} must be at most 2048 characters.`).refine(isAllowedEndpoint, `${what} must be an https:// URL (http:// only for localhost).`);

function isAllowedEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

const directoryAttribute = (what: string) =>
  z.string().trim().regex(DIRECTORY_ATTRIBUTE, `${what} must be a directory attribute name such as mail or userPrincipalName.`);

const certificateBase64 = z
  .string()
  .transform((v) => v.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, ''))
  .pipe(z.string().regex(/^[A-Za-z0-9+/]{100,}={0,2}$/, 'Paste the certificate as PEM or as one line of base64 DER.'));

/** Where the ImmutableID (Entra `onPremisesImmutableId`, the sourceAnchor) comes from. */
export const immutableIdSourceSchema = z.object({
  /** The attribute Entra Connect uses as sourceAnchor: usually `mS-DS-ConsistencyGuid` (Connect ≥ 1.1.524) or `objectGUID`. */
  attribute: directoryAttribute('The ImmutableID source attribute'),
  /** `binary`: base64 of the attribute's raw bytes (GUIDs). `string`: the attribute's text as is. */
  encoding: z.enum(['binary', 'string'], { error: 'The ImmutableID encoding must be binary (objectGUID, mS-DS-ConsistencyGuid) or string.' }).default('binary'),
});

/**
 * An Office 365 / Microsoft Entra ID connector: one federated root domain. Microsoft's SP
 * (`urn:federation:MicrosoftOnline`, ACS login.srf) is built in.
 */
export const office365ConnectorSchema = z.object({
  kind: z.literal('OFFICE_365'),
  /** The custom domain to federate (e.g. `contoso.com`). Its subdomains inherit the federation. */
  federatedDomain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(DOMAIN, 'The federated domain must be a domain name such as contoso.com.')
    .refine((d) => d !== 'onmicrosoft.com' && !d.endsWith('.onmicrosoft.com'), 'A *.onmicrosoft.com domain cannot be federated; add and verify your own domain in Microsoft 365 first.'),
  /** Shown by Microsoft on the sign-in redirect (`-DisplayName`, MSOnline `-FederationBrandName`). */
  brandName: z.string().trim().min(1, 'Give the brand name users see while they are redirected.').max(80, 'The brand name must be at most 80 characters.'),
  /**
   * Issuer of Response and Assertion, and `-IssuerUri` in Entra. Must be unique across all of Entra
   * ID (one per customer root domain); the SAML connector aggregate enforces uniqueness.
   */
  issuerUri: absoluteUri('The Issuer URI'),
  immutableId: immutableIdSourceSchema,
  /** The attribute holding the user's Entra UPN, sent as `IDPEmail`. */
  upnAttribute: directoryAttribute('The UPN attribute').default('userPrincipalName'),
  /** Entra's `federatedIdpMfaBehavior`; `rejectMfaByFederatedIdp` would make Entra ignore our MFA, so it is not offered. */
  mfaBehavior: z.enum(['acceptIfMfaDoneByFederatedIdp', 'enforceMfaByFederatedIdp'], {
    error: 'Choose acceptIfMfaDoneByFederatedIdp or enforceMfaByFederatedIdp.',
  }),
  /** Entra's `isSignedAuthenticationRequestRequired`; then `microsoftSigningCertificates` are needed to verify. */
  requireSignedAuthnRequests: z.boolean().default(false),
  /** Signing certificates from Microsoft's federation metadata (Entra's signed requests carry no certificate). */
  microsoftSigningCertificates: z.array(certificateBase64).max(10).default([]),
}).refine((c) => !c.requireSignedAuthnRequests || c.microsoftSigningCertificates.length > 0, {
  path: ['microsoftSigningCertificates'],
  message: 'Signed requests are required: add the signing certificates from Microsoft federation metadata.',
});
export type Office365ConnectorConfig = z.output<typeof office365ConnectorSchema>;

/** One AssertionConsumerService of a service provider. */
export const acsEndpointSchema = z.object({
  url: endpointUrl('The assertion consumer service URL'),
  binding: z.string().trim().default(SAML_BINDING.post),
  index: z.number().int().min(0).max(65535).optional(),
  isDefault: z.boolean().optional(),
});
export type AcsEndpoint = z.output<typeof acsEndpointSchema>;

/** What Countersign knows about a generic SP, imported from its metadata or typed in. */
export const serviceProviderSchema = z.object({
  entityId: absoluteUri('The service provider entity ID'),
  assertionConsumerServices: z
    .array(acsEndpointSchema)
    .min(1, 'Add at least one assertion consumer service URL.')
    .max(50)
    .refine((list) => list.some((a) => a.binding === SAML_BINDING.post), 'At least one assertion consumer service must use the HTTP-POST binding; Countersign answers only by POST.'),
  signingCertificates: z.array(certificateBase64).max(10).default([]),
  /** Kept for assertion encryption, which is not implemented yet. */
  encryptionCertificate: certificateBase64.optional(),
  wantAssertionsSigned: z.boolean().default(true),
  authnRequestsSigned: z.boolean().default(false),
  nameIdFormats: z.array(z.string()).max(20).default([]),
});
export type ServiceProviderDescription = z.output<typeof serviceProviderSchema>;

/** One SAML attribute: its name in the assertion ← a field of the user's directory profile. */
export const attributeMappingSchema = z.object({
  name: z.string().trim().min(1, 'Give the SAML attribute name.').max(256, 'The SAML attribute name must be at most 256 characters.'),
  nameFormat: z.enum([ATTRNAME_FORMAT.basic, ATTRNAME_FORMAT.uri, ATTRNAME_FORMAT.unspecified]).optional(),
  friendlyName: z.string().trim().max(256).optional(),
  profileField: directoryAttribute('The profile field'),
});
export type AttributeMapping = z.output<typeof attributeMappingSchema>;

const NAMEID_FORMATS = [NAMEID_FORMAT.persistent, NAMEID_FORMAT.emailAddress, NAMEID_FORMAT.unspecified, NAMEID_FORMAT.transient] as const;

/** A generic SAML 2.0 service provider connector. */
export const genericConnectorSchema = z
  .object({
    kind: z.literal('GENERIC'),
    /** Our entity ID towards this SP (Issuer of Response and Assertion). */
    idpEntityId: absoluteUri('The IdP entity ID'),
    sp: serviceProviderSchema,
    nameId: z.object({
      format: z.enum(NAMEID_FORMATS, { error: 'The NameID format must be persistent, emailAddress, unspecified or transient.' }),
      sourceAttribute: directoryAttribute('The NameID source attribute'),
    }),
    attributes: z.array(attributeMappingSchema).max(100).default([]),
    signAssertion: z.boolean().default(true),
    signResponse: z.boolean().default(true),
    signatureAlgorithm: signatureAlgorithmSchema.default('RSA_SHA256'),
    /** Verify the SP's request signatures; defaults to what its metadata says (`AuthnRequestsSigned`). */
    requireSignedAuthnRequests: z.boolean().optional(),
    /** Assertion encryption to the SP's key is deferred; only `false` is accepted for now. */
    encryptAssertion: z.literal(false, { error: 'Assertion encryption is not available yet; turn it off.' }).default(false),
    /** AuthnContextClassRef sent after a completed second factor (default REFEDS MFA) and after password only. */
    authnContext: z
      .object({ mfa: absoluteUri('The MFA AuthnContextClassRef'), passwordOnly: absoluteUri('The password-only AuthnContextClassRef') })
      .optional(),
  })
  .refine((c) => c.signAssertion || c.signResponse, { path: ['signAssertion'], message: 'Sign the assertion, the response, or both.' })
  .refine((c) => !(c.requireSignedAuthnRequests ?? c.sp.authnRequestsSigned) || c.sp.signingCertificates.length > 0, {
    path: ['sp', 'signingCertificates'],
    message: 'Signed requests are required: add the service provider signing certificate.',
  })
  .refine((c) => new Set(c.attributes.map((a) => a.name)).size === c.attributes.length, { path: ['attributes'], message: 'Each SAML attribute name may appear only once.' });
export type GenericConnectorConfig = z.output<typeof genericConnectorSchema>;

/** Either kind of SAML connector, discriminated by `kind`. */
export const samlConnectorConfigSchema = z.discriminatedUnion('kind', [office365ConnectorSchema, genericConnectorSchema], {
  error: 'The connector kind must be OFFICE_365 or GENERIC.',
});
export type SamlConnectorConfig = Office365ConnectorConfig | GenericConnectorConfig;
export type SamlConnectorConfigInput = z.input<typeof samlConnectorConfigSchema>;
