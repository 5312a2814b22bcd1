/**
 * The tip of every SAML connector field: the API's own description of the field (see
 * `schema.graphql`, without its "Office 365:" / "Generic:" prefix, which the form's sections
 * already say), or, where the schema has none, a sentence written here. `SAML_HELP_SOURCES`
 * names the schema element each tip comes from; a unit test keeps the two in step.
 */
export const SAML_FIELD_HELP = {
  name: 'Shown to admins in the connector list, when choosing a SAML connector for a service, and in the audit log. Users never see it.',
  kind: "OFFICE_365: a Microsoft 365 / Entra ID federated domain (Microsoft's service provider is built in). GENERIC: any other SAML 2.0 service provider.",
  federatedDomain:
    'The custom domain to federate, e.g. contoso.com, as listed in the Microsoft 365 admin center under Settings › Domains. Its subdomains follow it; *.onmicrosoft.com cannot be federated.',
  brandName: 'The name Microsoft shows while it redirects users here (-DisplayName), e.g. your organisation name.',
  issuerUri:
    "Entra ID's IssuerUri for the domain. Must be unique across all of Entra ID; Countersign suggests <public URL>/saml/<connector id>. Changing it after federating means running the federation script again.",
  immutableIdAttribute:
    "The directory attribute that holds the user's ImmutableID (Entra's onPremisesImmutableId, the sourceAnchor): mS-DS-ConsistencyGuid for Entra Connect 1.1.524 and later, objectGUID for older installs. Entra Connect's wizard shows it under Identifying users › Source anchor.",
  immutableIdEncoding:
    "BINARY: base64 of the attribute's raw bytes (objectGUID, mS-DS-ConsistencyGuid). STRING: the attribute's text as it is.",
  upnAttribute: "The directory attribute holding the user's UPN in Entra ID, sent as IDPEmail; usually userPrincipalName.",
  mfaBehavior:
    "Entra ID's federatedIdpMfaBehavior for the domain. acceptIfMfaDoneByFederatedIdp: Entra accepts Countersign's MFA and asks for its own only when Countersign did none. enforceMfaByFederatedIdp: Entra sends users back to Countersign whenever a policy needs MFA.",
  requireSignedAuthnRequests:
    "Whether sign-in requests must be signed: Entra's isSignedAuthenticationRequestRequired (Office 365), or the SP's AuthnRequestsSigned unless overridden (generic).",
  microsoftSigningCertificates:
    "Microsoft's request-signing certificates, from https://nexus.microsoftonline-p.com/federationmetadata/saml20/federationmetadata.xml; needed only when requests must be signed.",
  spMetadataXml: "The service provider's SAML metadata XML; fills the sp* fields.",
  spEntityId: "The service provider's entity ID, from its metadata (entityID) or its SAML settings page.",
  spAssertionConsumerServices: "The service provider's AssertionConsumerService URLs, from its metadata or SAML settings page.",
  acsUrl: 'Where the service provider takes the SAML response: its Assertion Consumer Service (ACS) or “Reply” URL, from its metadata or SAML settings page. https:// only (http:// for localhost).',
  acsBinding: 'The SAML binding URI; Countersign answers by HTTP-POST.',
  acsIndex: 'The index the service provider may ask for in its request (AssertionConsumerServiceIndex); from its metadata. Leave empty when it has one URL.',
  acsIsDefault: 'The URL used when a request names none; from its metadata (isDefault). Otherwise the first HTTP-POST URL is used.',
  spSigningCertificates:
    'Certificates the service provider signs its requests with (its metadata KeyDescriptor use="signing").',
  spEncryptionCertificate: "The service provider's encryption certificate; kept for when assertion encryption arrives.",
  spWantAssertionsSigned: 'The SP metadata asks for signed assertions (WantAssertionsSigned).',
  spAuthnRequestsSigned: 'The SP metadata says it signs its requests (AuthnRequestsSigned).',
  spNameIdFormats: 'The NameID formats the SP metadata lists.',
  idpEntityId:
    "Countersign's entity ID towards this service provider (the Issuer). The SP asks for it as the IdP entity ID or issuer; Countersign suggests <public URL>/saml/<connector id>.",
  nameIdFormat: 'The NameID format to send; use what the SP documentation asks for (often EMAIL_ADDRESS or PERSISTENT).',
  nameIdSourceAttribute: 'The directory attribute whose value becomes the NameID, e.g. mail.',
  attributes: 'Extra attributes sent in the assertion.',
  attributeName: 'The attribute name in the assertion, as the service provider expects it.',
  attributeProfileField: "The user's directory attribute that fills it, e.g. mail or displayName.",
  attributeNameFormat: "The attribute's NameFormat: basic, uri or unspecified.",
  attributeFriendlyName: 'An optional human-readable name sent beside the attribute (FriendlyName); most service providers ignore it.',
  signAssertion:
    'Signs the <Assertion> itself. Most service providers want it (the metadata flag WantAssertionsSigned); keep it on unless the SP documentation says otherwise.',
  signResponse:
    'Signs the whole <Response> envelope. Many SAML libraries (node-saml, pysaml2) reject unsigned responses; keep it on unless the SP cannot handle it.',
  signatureAlgorithm: 'RSA_SHA256 is recommended; RSA_SHA1 only for service providers that cannot verify SHA-256.',
  authnContextMfa: 'AuthnContextClassRef sent after a completed second factor; empty means https://refeds.org/profile/mfa.',
  authnContextPasswordOnly: 'AuthnContextClassRef sent after password only; empty means PasswordProtectedTransport.',
  signingCertificate:
    'The certificate Countersign signs with now. Give it to the service provider (the federation script does this for Office 365).',
  nextSigningCertificate: 'The certificate to rotate to; publish it to the service provider before rotating.',
  previousSigningCertificate: 'The certificate the last rotation replaced, still in the metadata until removed.',
  certificatePem: 'PEM with BEGIN/END lines, for service providers that take a certificate file.',
  certificateBase64Der:
    'One line of base64 DER with no armour: what Entra ID (-SigningCertificate) and <ds:X509Certificate> take.',
  fingerprintSha256:
    'SHA-256 fingerprint as colon-separated hex, as `openssl x509 -fingerprint -sha256` prints it; null if unreadable.',
  federationScript:
    'GRAPH_POWERSHELL federates the domain (Microsoft Graph PowerShell); CERTIFICATE_ROLLOVER stages and activates the next signing certificate; REVERT_TO_MANAGED takes the domain back to Entra ID sign-in; LEGACY_MSONLINE shows the retired MSOnline equivalent, for reading old guides only.',
} as const;

export type SamlHelpKey = keyof typeof SAML_FIELD_HELP;

/**
 * Where each tip comes from in `schema.graphql`: `Type.field` for a field's description, or
 * `Type` for an enum's. Tips missing here are written by the dashboard because the schema
 * has no description for that field.
 */
export const SAML_HELP_SOURCES: Partial<Record<SamlHelpKey, string>> = {
  kind: 'SamlConnectorKind',
  federatedDomain: 'SamlConnector.federatedDomain',
  brandName: 'SamlConnector.brandName',
  issuerUri: 'SamlConnector.issuerUri',
  immutableIdAttribute: 'SamlConnector.immutableIdAttribute',
  immutableIdEncoding: 'ImmutableIdEncoding',
  upnAttribute: 'SamlConnector.upnAttribute',
  mfaBehavior: 'FederatedMfaBehavior',
  requireSignedAuthnRequests: 'SamlConnector.requireSignedAuthnRequests',
  microsoftSigningCertificates: 'SamlConnector.microsoftSigningCertificates',
  spMetadataXml: 'SamlConnectorInput.spMetadataXml',
  spEntityId: 'SamlConnector.spEntityId',
  spAssertionConsumerServices: 'SamlConnector.spAssertionConsumerServices',
  acsBinding: 'SamlAcsEndpoint.binding',
  spSigningCertificates: 'SamlConnector.spSigningCertificates',
  spEncryptionCertificate: 'SamlConnector.spEncryptionCertificate',
  spWantAssertionsSigned: 'SamlConnector.spWantAssertionsSigned',
  spAuthnRequestsSigned: 'SamlConnector.spAuthnRequestsSigned',
  spNameIdFormats: 'SamlConnector.spNameIdFormats',
  idpEntityId: 'SamlConnector.idpEntityId',
  nameIdFormat: 'SamlConnector.nameIdFormat',
  nameIdSourceAttribute: 'SamlConnector.nameIdSourceAttribute',
  attributes: 'SamlConnector.attributes',
  attributeName: 'SamlAttributeMapping.name',
  attributeProfileField: 'SamlAttributeMapping.profileField',
  attributeNameFormat: 'SamlAttributeNameFormat',
  signatureAlgorithm: 'SamlSignatureAlgorithm',
  authnContextMfa: 'SamlConnector.authnContextMfa',
  authnContextPasswordOnly: 'SamlConnector.authnContextPasswordOnly',
  signingCertificate: 'SamlConnector.signingCertificate',
  nextSigningCertificate: 'SamlConnector.nextSigningCertificate',
  previousSigningCertificate: 'SamlConnector.previousSigningCertificate',
  certificatePem: 'SamlCertificate.certificatePem',
  certificateBase64Der: 'SamlCertificate.certificateBase64Der',
  fingerprintSha256: 'SamlCertificate.fingerprintSha256',
  federationScript: 'FederationScriptKind',
};
