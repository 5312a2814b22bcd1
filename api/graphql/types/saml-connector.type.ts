import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SamlConnectorKindEnum {
  OFFICE_365 = 'OFFICE_365',
  GENERIC = 'GENERIC',
}
registerEnumType(SamlConnectorKindEnum, {
  name: 'SamlConnectorKind',
  description: "OFFICE_365: a Microsoft 365 / Entra ID federated domain (Microsoft's service provider is built in). GENERIC: any other SAML 2.0 service provider.",
});

export enum ImmutableIdEncodingEnum {
  BINARY = 'BINARY',
  STRING = 'STRING',
}
registerEnumType(ImmutableIdEncodingEnum, {
  name: 'ImmutableIdEncoding',
  description: "BINARY: base64 of the attribute's raw bytes (objectGUID, mS-DS-ConsistencyGuid). STRING: the attribute's text as it is.",
});

export enum FederatedMfaBehaviorEnum {
  acceptIfMfaDoneByFederatedIdp = 'acceptIfMfaDoneByFederatedIdp',
  enforceMfaByFederatedIdp = 'enforceMfaByFederatedIdp',
}
registerEnumType(FederatedMfaBehaviorEnum, {
  name: 'FederatedMfaBehavior',
  description:
    "Entra ID's federatedIdpMfaBehavior for the domain. acceptIfMfaDoneByFederatedIdp: Entra accepts Countersign's MFA and asks for its own only when Countersign did none. enforceMfaByFederatedIdp: Entra sends users back to Countersign whenever a policy needs MFA.",
});

export enum SamlSignatureAlgorithmEnum {
  RSA_SHA256 = 'RSA_SHA256',
  RSA_SHA512 = 'RSA_SHA512',
  RSA_SHA1 = 'RSA_SHA1',
}
registerEnumType(SamlSignatureAlgorithmEnum, {
  name: 'SamlSignatureAlgorithm',
  description: 'RSA_SHA256 is recommended; RSA_SHA1 only for service providers that cannot verify SHA-256.',
  valuesConfig: {
    RSA_SHA256: { description: 'RSA with SHA-256 (http://www.w3.org/2001/04/xmldsig-more#rsa-sha256): the default, and what nearly every service provider expects.' },
    RSA_SHA512: { description: 'RSA with SHA-512 (http://www.w3.org/2001/04/xmldsig-more#rsa-sha512), for service providers that ask for it.' },
    RSA_SHA1: { description: 'RSA with SHA-1 (http://www.w3.org/2000/09/xmldsig#rsa-sha1): deprecated and weak; the connector shows a warning.' },
  },
});

export enum NameIdFormatEnum {
  PERSISTENT = 'PERSISTENT',
  EMAIL_ADDRESS = 'EMAIL_ADDRESS',
  UNSPECIFIED = 'UNSPECIFIED',
  TRANSIENT = 'TRANSIENT',
}
registerEnumType(NameIdFormatEnum, {
  name: 'NameIdFormat',
  description: 'The SAML NameID format: persistent, emailAddress, unspecified or transient.',
  valuesConfig: {
    PERSISTENT: { description: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent: a stable, opaque identifier of the user.' },
    EMAIL_ADDRESS: { description: "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress: the user's email address." },
    UNSPECIFIED: { description: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified: any value the service provider understands.' },
    TRANSIENT: { description: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient: an identifier the service provider should not keep between sign-ins.' },
  },
});

export enum SamlAttributeNameFormatEnum {
  BASIC = 'BASIC',
  URI = 'URI',
  UNSPECIFIED = 'UNSPECIFIED',
}
registerEnumType(SamlAttributeNameFormatEnum, {
  name: 'SamlAttributeNameFormat',
  description: "The attribute's NameFormat: basic, uri or unspecified.",
  valuesConfig: {
    BASIC: { description: 'urn:oasis:names:tc:SAML:2.0:attrname-format:basic: a simple name such as email.' },
    URI: { description: 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri: the name is a URI, e.g. http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress.' },
    UNSPECIFIED: { description: 'urn:oasis:names:tc:SAML:2.0:attrname-format:unspecified: the service provider interprets the name.' },
  },
});

export enum FederationScriptKindEnum {
  GRAPH_POWERSHELL = 'GRAPH_POWERSHELL',
  CERTIFICATE_ROLLOVER = 'CERTIFICATE_ROLLOVER',
  REVERT_TO_MANAGED = 'REVERT_TO_MANAGED',
  LEGACY_MSONLINE = 'LEGACY_MSONLINE',
}
registerEnumType(FederationScriptKindEnum, {
  name: 'FederationScriptKind',
  description:
    'GRAPH_POWERSHELL federates the domain (Microsoft Graph PowerShell); CERTIFICATE_ROLLOVER stages and activates the next signing certificate; REVERT_TO_MANAGED takes the domain back to Entra ID sign-in; LEGACY_MSONLINE shows the retired MSOnline equivalent, for reading old guides only.',
});

@ObjectType({ description: 'An X.509 certificate as PEM, as one line of base64 DER, and its fingerprint and expiry.' })
export class SamlCertificate {
  @Field(() => String, { description: 'PEM with BEGIN/END lines, for service providers that take a certificate file.' }) certificatePem!: string;
  @Field(() => String, { description: 'One line of base64 DER with no armour: what Entra ID (-SigningCertificate) and <ds:X509Certificate> take.' })
  certificateBase64Der!: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 fingerprint as colon-separated hex, as `openssl x509 -fingerprint -sha256` prints it; null if unreadable.' })
  fingerprintSha256!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'End of validity.' }) notAfter!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Whole days until it expires (negative once expired).' }) expiresInDays!: number | null;
}

@ObjectType({ description: 'An AssertionConsumerService: where the service provider takes SAML responses.' })
export class SamlAcsEndpoint {
  @Field(() => String, { description: 'Where the browser posts the SAML response: an https:// URL (http:// only for localhost).' }) url!: string;
  @Field(() => String, { description: 'The SAML binding URI; Countersign answers by HTTP-POST.' }) binding!: string;
  @Field(() => Int, { nullable: true, description: 'The AssertionConsumerServiceIndex a request may name (0 to 65535); null when the SP gave none.' }) index!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether this is where responses go when a request names no endpoint; without one marked, the lowest index is used.' })
  isDefault!: boolean | null;
}

@ObjectType({ description: 'One SAML attribute sent to the service provider, and the directory field it comes from.' })
export class SamlAttributeMapping {
  @Field(() => String, { description: 'The attribute name in the assertion, as the service provider expects it.' }) name!: string;
  @Field(() => SamlAttributeNameFormatEnum, { nullable: true, description: 'The NameFormat sent; null sends URI when the name looks like a URI, else BASIC.' })
  nameFormat!: SamlAttributeNameFormatEnum | null;
  @Field(() => String, { nullable: true, description: 'An optional human-readable FriendlyName sent beside the name; null when none.' }) friendlyName!: string | null;
  @Field(() => String, { description: "The user's directory attribute that fills it, e.g. mail or displayName." }) profileField!: string;
}

@ObjectType({ description: 'How Countersign answers one SAML service provider: its settings and Countersign\'s signing keys. The private keys are never returned.' })
export class SamlConnector {
  @Field(() => ID, { description: "The connector's id (a UUID); services refer to it as samlConnectorId." }) id!: string;
  @Field(() => String, { description: 'The name admins see in the dashboard.' }) name!: string;
  @Field(() => SamlConnectorKindEnum, { description: 'Office 365 or a generic SAML 2.0 service provider; decides which of the fields below apply.' }) kind!: SamlConnectorKindEnum;
  @Field(() => String, { description: 'The Issuer of every Response and Assertion: the Issuer URI (Office 365) or the IdP entity ID (generic).' }) issuer!: string;
  @Field(() => Boolean, { description: 'True for the template every organisation starts with, until it is edited.' }) template!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the connector was created (ISO-8601, UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its settings or signing keys last changed (ISO-8601, UTC).' }) updatedAt!: Date;
  @Field(() => [String], { description: 'Choices that work but weaken security or interoperability.' }) warnings!: string[];
  @Field(() => [ID], { description: 'Service instances that use this connector.' }) usedByServiceIds!: string[];

  @Field(() => String, { nullable: true, description: 'Office 365: the custom domain to federate, e.g. contoso.com, as listed in the Microsoft 365 admin center under Settings › Domains. Its subdomains follow it; *.onmicrosoft.com cannot be federated.' })
  federatedDomain!: string | null;
  @Field(() => String, { nullable: true, description: 'Office 365: the name Microsoft shows while it redirects users here (-DisplayName), e.g. your organisation name.' })
  brandName!: string | null;
  @Field(() => String, { nullable: true, description: "Office 365: Entra ID's IssuerUri for the domain. Must be unique across all of Entra ID; Countersign suggests <public URL>/saml/<connector id>. Changing it after federating means running the federation script again." })
  issuerUri!: string | null;
  @Field(() => String, { nullable: true, description: "Office 365: the directory attribute that holds the user's ImmutableID (Entra's onPremisesImmutableId, the sourceAnchor): mS-DS-ConsistencyGuid for Entra Connect 1.1.524 and later, objectGUID for older installs. Entra Connect's wizard shows it under Identifying users › Source anchor." })
  immutableIdAttribute!: string | null;
  @Field(() => ImmutableIdEncodingEnum, { nullable: true, description: "Office 365: how the ImmutableID attribute's value becomes the NameID; BINARY for objectGUID and mS-DS-ConsistencyGuid." })
  immutableIdEncoding!: ImmutableIdEncodingEnum | null;
  @Field(() => String, { nullable: true, description: "Office 365: the directory attribute holding the user's UPN in Entra ID, sent as IDPEmail; usually userPrincipalName." })
  upnAttribute!: string | null;
  @Field(() => FederatedMfaBehaviorEnum, { nullable: true, description: "Office 365: Entra ID's federatedIdpMfaBehavior for the domain, which the federation script sets." })
  mfaBehavior!: FederatedMfaBehaviorEnum | null;
  @Field(() => Boolean, { description: 'Whether sign-in requests must be signed: Entra\'s isSignedAuthenticationRequestRequired (Office 365), or the SP\'s AuthnRequestsSigned unless overridden (generic).' })
  requireSignedAuthnRequests!: boolean;
  @Field(() => [SamlCertificate], { description: "Office 365: Microsoft's request-signing certificates, from https://nexus.microsoftonline-p.com/federationmetadata/saml20/federationmetadata.xml; needed only when requests must be signed." })
  microsoftSigningCertificates!: SamlCertificate[];

  @Field(() => String, { nullable: true, description: "Generic: Countersign's entity ID towards this service provider (the Issuer). The SP asks for it as the IdP entity ID or issuer; Countersign suggests <public URL>/saml/<connector id>." })
  idpEntityId!: string | null;
  @Field(() => String, { nullable: true, description: "Generic: the service provider's entity ID, from its metadata (entityID) or its SAML settings page." }) spEntityId!: string | null;
  @Field(() => [SamlAcsEndpoint], { description: "Generic: the service provider's AssertionConsumerService URLs, from its metadata or SAML settings page." })
  spAssertionConsumerServices!: SamlAcsEndpoint[];
  @Field(() => [SamlCertificate], { description: 'Generic: certificates the service provider signs its requests with (its metadata KeyDescriptor use="signing").' })
  spSigningCertificates!: SamlCertificate[];
  @Field(() => SamlCertificate, { nullable: true, description: "Generic: the service provider's encryption certificate; kept for when assertion encryption arrives." })
  spEncryptionCertificate!: SamlCertificate | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: the SP metadata asks for signed assertions (WantAssertionsSigned).' }) spWantAssertionsSigned!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: the SP metadata says it signs its requests (AuthnRequestsSigned).' }) spAuthnRequestsSigned!: boolean | null;
  @Field(() => [String], { description: 'Generic: the NameID formats the SP metadata lists.' }) spNameIdFormats!: string[];
  @Field(() => NameIdFormatEnum, { nullable: true, description: 'Generic: the NameID format to send; use what the SP documentation asks for (often EMAIL_ADDRESS or PERSISTENT).' })
  nameIdFormat!: NameIdFormatEnum | null;
  @Field(() => String, { nullable: true, description: 'Generic: the directory attribute whose value becomes the NameID, e.g. mail.' }) nameIdSourceAttribute!: string | null;
  @Field(() => [SamlAttributeMapping], { description: 'Generic: extra attributes sent in the assertion.' }) attributes!: SamlAttributeMapping[];
  @Field(() => Boolean, { nullable: true, description: 'Generic: whether the Assertion carries its own signature (default true). At least one of signAssertion and signResponse is on.' })
  signAssertion!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: whether the whole Response is signed (default true); some service providers reject an unsigned Response.' })
  signResponse!: boolean | null;
  @Field(() => SamlSignatureAlgorithmEnum, { nullable: true, description: 'Generic: the algorithm of those signatures (default RSA_SHA256).' })
  signatureAlgorithm!: SamlSignatureAlgorithmEnum | null;
  @Field(() => String, { nullable: true, description: 'Generic: AuthnContextClassRef sent after a completed second factor; empty means https://refeds.org/profile/mfa.' }) authnContextMfa!: string | null;
  @Field(() => String, { nullable: true, description: 'Generic: AuthnContextClassRef sent after password only; empty means PasswordProtectedTransport.' }) authnContextPasswordOnly!: string | null;

  @Field(() => SamlCertificate, { description: 'The certificate Countersign signs with now. Give it to the service provider (the federation script does this for Office 365).' })
  signingCertificate!: SamlCertificate;
  @Field(() => SamlCertificate, { nullable: true, description: 'The certificate to rotate to; publish it to the service provider before rotating.' }) nextSigningCertificate!: SamlCertificate | null;
  @Field(() => SamlCertificate, { nullable: true, description: 'The certificate the last rotation replaced, still in the metadata until removed.' }) previousSigningCertificate!: SamlCertificate | null;
}

@InputType({ description: 'An AssertionConsumerService URL of a service provider.' })
export class SamlAcsEndpointInput {
  @Field(() => String, { description: 'An https:// URL (http:// only for localhost) where the SP takes SAML responses.' }) url!: string;
  @Field(() => String, { nullable: true, description: 'Binding URI; default HTTP-POST.' }) binding?: string | null;
  @Field(() => Int, { nullable: true, description: 'The AssertionConsumerServiceIndex requests may name, 0 to 65535.' }) index?: number | null;
  @Field(() => Boolean, { nullable: true, description: 'True for the endpoint to use when a request names none.' }) isDefault?: boolean | null;
}

@InputType({ description: 'One SAML attribute and the directory attribute it comes from.' })
export class SamlAttributeMappingInput {
  @Field(() => String, { description: 'The attribute name in the assertion (up to 256 characters), unique within the connector.' }) name!: string;
  @Field(() => SamlAttributeNameFormatEnum, { nullable: true, description: 'Left out: URI when the name looks like a URI, else BASIC.' }) nameFormat?: SamlAttributeNameFormatEnum | null;
  @Field(() => String, { nullable: true, description: 'An optional human-readable FriendlyName (up to 256 characters).' }) friendlyName?: string | null;
  @Field(() => String, { description: 'The directory attribute whose values fill it, e.g. mail; users without it get no such attribute.' }) profileField!: string;
}

@InputType({
  description:
    'SAML connector settings, flattened; see the SamlConnector fields for what each one is. name and kind are required on create. On update a field left out keeps its value; an empty issuerUri or idpEntityId gets the suggested one.',
})
export class SamlConnectorInput {
  @Field(() => String, { nullable: true, description: 'The name admins see; required on create.' }) name?: string | null;
  @Field(() => SamlConnectorKindEnum, { nullable: true, description: 'OFFICE_365 or GENERIC; required on create.' }) kind?: SamlConnectorKindEnum | null;
  @Field(() => String, { nullable: true, description: 'Office 365, required: the custom domain to federate, e.g. contoso.com (not *.onmicrosoft.com).' }) federatedDomain?: string | null;
  @Field(() => String, { nullable: true, description: 'Office 365, required: the name Microsoft shows while redirecting users here, up to 80 characters.' }) brandName?: string | null;
  @Field(() => String, { nullable: true, description: 'Leave empty for <public URL>/saml/<connector id>.' }) issuerUri?: string | null;
  @Field(() => String, { nullable: true, description: 'Office 365, required: the directory attribute holding the ImmutableID, e.g. mS-DS-ConsistencyGuid or objectGUID.' })
  immutableIdAttribute?: string | null;
  @Field(() => ImmutableIdEncodingEnum, { nullable: true, description: 'Office 365: how to encode that attribute; default BINARY.' }) immutableIdEncoding?: ImmutableIdEncodingEnum | null;
  @Field(() => String, { nullable: true, description: "Office 365: the directory attribute holding the user's UPN, sent as IDPEmail; default userPrincipalName." }) upnAttribute?: string | null;
  @Field(() => FederatedMfaBehaviorEnum, { nullable: true, description: "Office 365, required: Entra ID's federatedIdpMfaBehavior for the domain." }) mfaBehavior?: FederatedMfaBehaviorEnum | null;
  @Field(() => Boolean, { nullable: true, description: 'Refuse unsigned sign-in requests. Office 365: default false, and needs microsoftSigningCertificates. Generic: defaults to spAuthnRequestsSigned.' })
  requireSignedAuthnRequests?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'PEM or one-line base64 DER each.' }) microsoftSigningCertificates?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Leave empty for <public URL>/saml/<connector id>.' }) idpEntityId?: string | null;
  @Field(() => String, { nullable: true, description: "Generic, required: the service provider's entity ID, an absolute URI." }) spEntityId?: string | null;
  @Field(() => [SamlAcsEndpointInput], { nullable: true, description: "Generic, required: the service provider's AssertionConsumerService URLs; at least one must use HTTP-POST." })
  spAssertionConsumerServices?: SamlAcsEndpointInput[] | null;
  @Field(() => [String], { nullable: true, description: 'PEM or one-line base64 DER each.' }) spSigningCertificates?: string[] | null;
  @Field(() => String, { nullable: true, description: "Generic: the service provider's encryption certificate, PEM or one-line base64 DER; kept for when assertion encryption arrives." })
  spEncryptionCertificate?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: whether the SP asks for signed assertions (WantAssertionsSigned); default true.' }) spWantAssertionsSigned?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: whether the SP signs its requests (AuthnRequestsSigned); default false.' }) spAuthnRequestsSigned?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'Generic: the NameID format URIs the SP metadata lists (at most 20), kept for reference to choose nameIdFormat.' }) spNameIdFormats?: string[] | null;
  @Field(() => NameIdFormatEnum, { nullable: true, description: 'Generic, required: the NameID format to send.' }) nameIdFormat?: NameIdFormatEnum | null;
  @Field(() => String, { nullable: true, description: 'Generic, required: the directory attribute whose single value becomes the NameID, e.g. mail.' }) nameIdSourceAttribute?: string | null;
  @Field(() => [SamlAttributeMappingInput], { nullable: true, description: 'Generic: attributes sent in the assertion (at most 100); given on update, the list replaces the old one.' })
  attributes?: SamlAttributeMappingInput[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: sign the Assertion; default true.' }) signAssertion?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Generic: sign the whole Response; default true. Keep at least one of the two on.' }) signResponse?: boolean | null;
  @Field(() => SamlSignatureAlgorithmEnum, { nullable: true, description: 'Generic: the signature algorithm; default RSA_SHA256.' }) signatureAlgorithm?: SamlSignatureAlgorithmEnum | null;
  @Field(() => String, { nullable: true, description: 'Generic: AuthnContextClassRef URI sent after a completed second factor. Give it together with authnContextPasswordOnly, or leave both empty for https://refeds.org/profile/mfa.' }) authnContextMfa?: string | null;
  @Field(() => String, { nullable: true, description: 'Generic: AuthnContextClassRef URI sent after password only. Give it together with authnContextMfa, or leave both empty for PasswordProtectedTransport.' }) authnContextPasswordOnly?: string | null;
  @Field(() => String, { nullable: true, description: "Create only, generic: the service provider's SAML metadata XML; fills the sp* fields." }) spMetadataXml?: string | null;
}

@ObjectType({ description: 'The connector after a metadata import, and what the admin should know about the metadata.' })
export class SpMetadataImport {
  @Field(() => SamlConnector, { description: 'The connector with the imported service provider settings.' }) connector!: SamlConnector;
  @Field(() => [String], { description: 'E.g. the metadata or one of its certificates has expired.' }) warnings!: string[];
}

@ObjectType({ description: 'A PowerShell script for the Microsoft 365 federation of a connector\'s domain.' })
export class FederationScript {
  @Field(() => FederationScriptKindEnum, { description: 'Which script this is, as asked for.' }) kind!: FederationScriptKindEnum;
  @Field(() => String, { description: 'The name the script refers to itself by.' }) fileName!: string;
  @Field(() => String, { description: 'The script, CRLF line ends. Save it as UTF-8 with a byte-order mark so Windows PowerShell 5.1 reads non-ASCII names correctly.' })
  script!: string;
  @Field(() => [String], { description: 'What to check or do before running it.' }) warnings!: string[];
}
