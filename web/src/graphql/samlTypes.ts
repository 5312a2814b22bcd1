/** Hand-written result types for the SAML connector operations, matching `schema.graphql`. */

export type SamlConnectorKind = 'OFFICE_365' | 'GENERIC';
export type ImmutableIdEncoding = 'BINARY' | 'STRING';
export type FederatedMfaBehavior = 'acceptIfMfaDoneByFederatedIdp' | 'enforceMfaByFederatedIdp';
export type NameIdFormat = 'PERSISTENT' | 'EMAIL_ADDRESS' | 'UNSPECIFIED' | 'TRANSIENT';
export type SamlAttributeNameFormat = 'BASIC' | 'URI' | 'UNSPECIFIED';
export type SamlSignatureAlgorithm = 'RSA_SHA256' | 'RSA_SHA512' | 'RSA_SHA1';
export type FederationScriptKind = 'GRAPH_POWERSHELL' | 'CERTIFICATE_ROLLOVER' | 'REVERT_TO_MANAGED' | 'LEGACY_MSONLINE';

export interface SamlCertificate {
  __typename?: 'SamlCertificate';
  certificatePem: string;
  certificateBase64Der: string;
  /** Colon-separated hex; null when the certificate could not be read. */
  fingerprintSha256: string | null;
  notAfter: string | null;
  expiresInDays: number | null;
}

export interface SamlAcsEndpoint {
  __typename?: 'SamlAcsEndpoint';
  url: string;
  binding: string;
  index: number | null;
  isDefault: boolean | null;
}

export interface SamlAttributeMapping {
  __typename?: 'SamlAttributeMapping';
  name: string;
  nameFormat: SamlAttributeNameFormat | null;
  friendlyName: string | null;
  profileField: string;
}

export interface SamlConnector {
  __typename?: 'SamlConnector';
  id: string;
  name: string;
  kind: SamlConnectorKind;
  issuer: string;
  template: boolean;
  createdAt: string;
  updatedAt: string;
  warnings: string[];
  usedByServiceIds: string[];
  federatedDomain: string | null;
  brandName: string | null;
  issuerUri: string | null;
  immutableIdAttribute: string | null;
  immutableIdEncoding: ImmutableIdEncoding | null;
  upnAttribute: string | null;
  mfaBehavior: FederatedMfaBehavior | null;
  requireSignedAuthnRequests: boolean;
  microsoftSigningCertificates: SamlCertificate[];
  idpEntityId: string | null;
  spEntityId: string | null;
  spAssertionConsumerServices: SamlAcsEndpoint[];
  spSigningCertificates: SamlCertificate[];
  spEncryptionCertificate: SamlCertificate | null;
  spWantAssertionsSigned: boolean | null;
  spAuthnRequestsSigned: boolean | null;
  spNameIdFormats: string[];
  nameIdFormat: NameIdFormat | null;
  nameIdSourceAttribute: string | null;
  attributes: SamlAttributeMapping[];
  signAssertion: boolean | null;
  signResponse: boolean | null;
  signatureAlgorithm: SamlSignatureAlgorithm | null;
  authnContextMfa: string | null;
  authnContextPasswordOnly: string | null;
  signingCertificate: SamlCertificate;
  nextSigningCertificate: SamlCertificate | null;
  previousSigningCertificate: SamlCertificate | null;
}

export interface SamlAcsEndpointInput {
  url: string;
  binding?: string;
  index?: number;
  isDefault?: boolean;
}

export interface SamlAttributeMappingInput {
  name: string;
  profileField: string;
  nameFormat?: SamlAttributeNameFormat;
  friendlyName?: string;
}

/** Flat connector settings; on update a field left out keeps its value. */
export interface SamlConnectorInput {
  name?: string;
  kind?: SamlConnectorKind;
  federatedDomain?: string;
  brandName?: string;
  issuerUri?: string;
  immutableIdAttribute?: string;
  immutableIdEncoding?: ImmutableIdEncoding;
  upnAttribute?: string;
  mfaBehavior?: FederatedMfaBehavior;
  requireSignedAuthnRequests?: boolean;
  microsoftSigningCertificates?: string[];
  idpEntityId?: string;
  spEntityId?: string;
  spAssertionConsumerServices?: SamlAcsEndpointInput[];
  spSigningCertificates?: string[];
  spEncryptionCertificate?: string;
  spWantAssertionsSigned?: boolean;
  spAuthnRequestsSigned?: boolean;
  spNameIdFormats?: string[];
  /** Create only, generic: fills the sp* fields from the service provider's metadata. */
  spMetadataXml?: string;
  nameIdFormat?: NameIdFormat;
  nameIdSourceAttribute?: string;
  attributes?: SamlAttributeMappingInput[];
  signAssertion?: boolean;
  signResponse?: boolean;
  signatureAlgorithm?: SamlSignatureAlgorithm;
  authnContextMfa?: string;
  authnContextPasswordOnly?: string;
}

export interface SpMetadataImport {
  __typename?: 'SpMetadataImport';
  connector: SamlConnector;
  warnings: string[];
}

export interface FederationScript {
  __typename?: 'FederationScript';
  kind: FederationScriptKind;
  fileName: string;
  /** CRLF line ends. */
  script: string;
  warnings: string[];
}
