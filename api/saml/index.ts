// The SAML 2.0 IdP protocol core: pure functions the SSO endpoint, the SAML connector aggregate,
// GraphQL and the dashboard build on. No I/O here except key generation's randomness.

export { SAML_NS, SAML_BINDING, NAMEID_FORMAT, AUTHN_CONTEXT, SAML_STATUS, ATTRNAME_FORMAT, DSIG_ALGORITHM, MICROSOFT_ONLINE_SP } from './saml-constants';

// Connector configuration
export {
  samlConnectorConfigSchema,
  office365ConnectorSchema,
  genericConnectorSchema,
  serviceProviderSchema,
  attributeMappingSchema,
  acsEndpointSchema,
  immutableIdSourceSchema,
  signatureAlgorithmSchema,
  type SamlConnectorConfig,
  type SamlConnectorConfigInput,
  type Office365ConnectorConfig,
  type GenericConnectorConfig,
  type ServiceProviderDescription,
  type AcsEndpoint,
  type AttributeMapping,
  type SignatureAlgorithm,
} from './connector-config';
export { parseConnectorConfig, connectorWarnings, serviceProviderOf, issuerOf, type ServiceProviderTrust } from './parse-connector-config';
export { parseSpMetadata, type ImportedSpMetadata } from './parse-sp-metadata';

// Keys
export {
  generateSigningKeyPair,
  describeCertificate,
  parseCertificate,
  loadSigningKey,
  type GenerateSigningKeyPairOptions,
  type SigningKeySize,
  type SigningCertificate,
  type SigningKeyPair,
  type SigningSlots,
  type IdpSigningKey,
} from './signing-key';

// Inbound
export { parseAuthnRequest, type AuthnRequestInput, type ParsedAuthnRequest, type AuthnRequestSignature, type ParseAuthnRequestOptions } from './parse-authn-request';
export { DEFAULT_SAML_MESSAGE_LIMITS, type SamlMessageLimits } from './internal/decode-saml-message';
export { verifyAuthnRequestSignature, type RequestSignatureTrust, type SignatureVerdict } from './verify-authn-request-signature';
export {
  validateAuthnRequest,
  checkIssuer,
  resolveAcsUrl,
  checkDestination,
  checkFreshness,
  checkReplay,
  checkNameIdPolicy,
  type ValidateAuthnRequestOptions,
  type ValidatedAuthnRequest,
  type FreshnessPolicy,
} from './authn-request-checks';
export { InMemoryReplayCache, type ReplayCache } from './replay-cache';

// Outbound
export { buildResponse, type BuildResponseInput } from './build-response';
export { buildOffice365Response, type Office365ResponseInput, type AuthnFacts } from './build-office365-response';
export { buildGenericResponse, type GenericResponseInput } from './build-generic-response';
export { buildSamlResponse, type SamlResponseInput, type BuiltSamlResponse, type AssertedAttribute, type ResponseValidity } from './build-saml-response';
export { buildErrorResponse, type ErrorResponseInput, type SamlFailure } from './build-error-response';
export { renderAutoPostForm, AUTO_POST_SCRIPT, AUTO_POST_SCRIPT_CSP_HASH, type AutoPostFormOptions } from './render-auto-post-form';
export { immutableIdFrom } from './immutable-id';
export { profileValue, type DirectoryProfile, type DirectoryValue } from './directory-profile';
export { newSamlId } from './new-saml-id';

// Metadata and federation scripts
export { buildIdpMetadata, type IdpMetadataInput } from './build-idp-metadata';
export { generateFederationScript, type IdpFederationUrls, type ScriptCertificates } from './federation-script';
export { generateCertificateRolloverScript, generateRevertScript, generateLegacyMsOnlineScript } from './federation-maintenance-scripts';
