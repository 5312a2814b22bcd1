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
registerEnumType(SamlSignatureAlgorithmEnum, { name: 'SamlSignatureAlgorithm', description: 'RSA_SHA256 is recommended; RSA_SHA1 only for service providers that cannot verify SHA-256.' });

export enum NameIdFormatEnum {
  PERSISTENT = 'PERSISTENT',
  EMAIL_ADDRESS = 'EMAIL_ADDRESS',
  UNSPECIFIED = 'UNSPECIFIED',
  TRANSIENT = 'TRANSIENT',
}
registerEnumType(NameIdFormatEnum, { name: 'NameIdFormat', description: 'The SAML NameID format: persistent, emailAddress, unspecified or transient.' });

export enum SamlAttributeNameFormatEnum {
  BASIC = 'BASIC',
  URI = 'URI',
  UNSPECIFIED = 'UNSPECIFIED',
}
registerEnumType(SamlAttributeNameFormatEnum, { name: 'SamlAttributeNameFormat', description: "The attribute's NameFormat: basic, uri or unspecified." });

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
  @Field(() => String) url!: string;
  @Field(() => String, { description: 'The SAML binding URI; Countersign answers by HTTP-POST.' }) binding!: string;
  @Field(() => Int, { nullable: true }) index!: number | null;
  @Field(() => Boolean, { nullable: true }) isDefault!: boolean | null;
}

@ObjectType({ description: 'One SAML attribute sent to the service provider, and the directory field it comes from.' })
export class SamlAttributeMapping {
  @Field(() => String, { description: 'The attribute name in the assertion, as the service provider expects it.' }) name!: string;
  @Field(() => SamlAttributeNameFormatEnum, { nullable: true }) nameFormat!: SamlAttributeNameFormatEnum | null;
  @Field(() => String, { nullable: true }) friendlyName!: string | null;
  @Field(() => String, { description: "The user's directory attribute that fills it, e.g. mail or displayName." }) profileField!: string;
}

@ObjectType({ description: 'How Countersign answers one SAML service provider: its settings and Countersign\'s signing keys. The private keys are never returned.' })
export class SamlConnector {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => SamlConnectorKindEnum) kind!: SamlConnectorKindEnum;
  @Field(() => String, { description: 'The Issuer of every Response and Assertion: the Issuer URI (Office 365) or the IdP entity ID (generic).' }) issuer!: string;
  @Field(() => Boolean, { description: 'True for the template every organisation starts with, until it is edited.' }) template!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
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
  @Field(() => ImmutableIdEncodingEnum, { nullable: true }) immutableIdEncoding!: ImmutableIdEncodingEnum | null;
  @Field(() => String, { nullable: true, description: "Office 365: the directory attribute holding the user's UPN in Entra ID, sent as IDPEmail; usually userPrincipalName." })
  upnAttribute!: string | null;
  @Field(() => FederatedMfaBehaviorEnum, { nullable: true }) mfaBehavior!: FederatedMfaBehaviorEnum | null;
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
  @Field(() => Boolean, { nullable: true }) signAssertion!: boolean | null;
  @Field(() => Boolean, { nullable: true }) signResponse!: boolean | null;
  @Field(() => SamlSignatureAlgorithmEnum, { nullable: true }) signatureAlgorithm!: SamlSignatureAlgorithmEnum | null;
  @Field(() => String, { nullable: true, description: 'Generic: AuthnContextClassRef sent after a completed second factor; empty means https://refeds.org/profile/mfa.' }) authnContextMfa!: string | null;
  @Field(() => String, { nullable: true, description: 'Generic: AuthnContextClassRef sent after password only; empty means PasswordProtectedTransport.' }) authnContextPasswordOnly!: string | null;

  @Field(() => SamlCertificate, { description: 'The certificate Countersign signs with now. Give it to the service provider (the federation script does this for Office 365).' })
  signingCertificate!: SamlCertificate;
  @Field(() => SamlCertificate, { nullable: true, description: 'The certificate to rotate to; publish it to the service provider before rotating.' }) nextSigningCertificate!: SamlCertificate | null;
  @Field(() => SamlCertificate, { nullable: true, description: 'The certificate the last rotation replaced, still in the metadata until removed.' }) previousSigningCertificate!: SamlCertificate | null;
}

@InputType({ description: 'An AssertionConsumerService URL of a service provider.' })
export class SamlAcsEndpointInput {
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true, description: 'Binding URI; default HTTP-POST.' }) binding?: string | null;
  @Field(() => Int, { nullable: true }) index?: number | null;
  @Field(() => Boolean, { nullable: true }) isDefault?: boolean | null;
}

@InputType({ description: 'One SAML attribute and the directory attribute it comes from.' })
export class SamlAttributeMappingInput {
  @Field(() => String) name!: string;
  @Field(() => SamlAttributeNameFormatEnum, { nullable: true }) nameFormat?: SamlAttributeNameFormatEnum | null;
  @Field(() => String, { nullable: true }) friendlyName?: string | null;
  @Field(() => String) profileField!: string;
}

@InputType({
  description:
    'SAML connector settings, flattened; see the SamlConnector fields for what each one is. name and kind are required on create. On update a field left out keeps its value; an empty issuerUri or idpEntityId gets the suggested one.',
})
export class SamlConnectorInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => SamlConnectorKindEnum, { nullable: true }) kind?: SamlConnectorKindEnum | null;
  @Field(() => String, { nullable: true }) federatedDomain?: string | null;
  @Field(() => String, { nullable: true }) brandName?: string | null;
  @Field(() => String, { nullable: true, description: 'Leave empty for <public URL>/saml/<connector id>.' }) issuerUri?: string | null;
  @Field(() => String, { nullable: true }) immutableIdAttribute?: string | null;
  @Field(() => ImmutableIdEncodingEnum, { nullable: true }) immutableIdEncoding?: ImmutableIdEncodingEnum | null;
  @Field(() => String, { nullable: true }) upnAttribute?: string | null;
  @Field(() => FederatedMfaBehaviorEnum, { nullable: true }) mfaBehavior?: FederatedMfaBehaviorEnum | null;
  @Field(() => Boolean, { nullable: true }) requireSignedAuthnRequests?: boolean | null;
  @Field(() => [String], { nullable: true, description: 'PEM or one-line base64 DER each.' }) microsoftSigningCertificates?: string[] | null;
  @Field(() => String, { nullable: true, description: 'Leave empty for <public URL>/saml/<connector id>.' }) idpEntityId?: string | null;
  @Field(() => String, { nullable: true }) spEntityId?: string | null;
  @Field(() => [SamlAcsEndpointInput], { nullable: true }) spAssertionConsumerServices?: SamlAcsEndpointInput[] | null;
  @Field(() => [String], { nullable: true, description: 'PEM or one-line base64 DER each.' }) spSigningCertificates?: string[] | null;
  @Field(() => String, { nullable: true }) spEncryptionCertificate?: string | null;
  @Field(() => Boolean, { nullable: true }) spWantAssertionsSigned?: boolean | null;
  @Field(() => Boolean, { nullable: true }) spAuthnRequestsSigned?: boolean | null;
  @Field(() => [String], { nullable: true }) spNameIdFormats?: string[] | null;
  @Field(() => NameIdFormatEnum, { nullable: true }) nameIdFormat?: NameIdFormatEnum | null;
  @Field(() => String, { nullable: true }) nameIdSourceAttribute?: string | null;
  @Field(() => [SamlAttributeMappingInput], { nullable: true }) attributes?: SamlAttributeMappingInput[] | null;
  @Field(() => Boolean, { nullable: true }) signAssertion?: boolean | null;
  @Field(() => Boolean, { nullable: true }) signResponse?: boolean | null;
  @Field(() => SamlSignatureAlgorithmEnum, { nullable: true }) signatureAlgorithm?: SamlSignatureAlgorithmEnum | null;
  @Field(() => String, { nullable: true }) authnContextMfa?: string | null;
  @Field(() => String, { nullable: true }) authnContextPasswordOnly?: string | null;
  @Field(() => String, { nullable: true, description: "Create only, generic: the service provider's SAML metadata XML; fills the sp* fields." }) spMetadataXml?: string | null;
}

@ObjectType({ description: 'The connector after a metadata import, and what the admin should know about the metadata.' })
export class SpMetadataImport {
  @Field(() => SamlConnector) connector!: SamlConnector;
  @Field(() => [String], { description: 'E.g. the metadata or one of its certificates has expired.' }) warnings!: string[];
}

@ObjectType({ description: 'A PowerShell script for the Microsoft 365 federation of a connector\'s domain.' })
export class FederationScript {
  @Field(() => FederationScriptKindEnum) kind!: FederationScriptKindEnum;
  @Field(() => String, { description: 'The name the script refers to itself by.' }) fileName!: string;
  @Field(() => String, { description: 'The script, CRLF line ends. Save it as UTF-8 with a byte-order mark so Windows PowerShell 5.1 reads non-ASCII names correctly.' })
  script!: string;
  @Field(() => [String], { description: 'What to check or do before running it.' }) warnings!: string[];
}
