import type {
  FederatedMfaBehavior,
  FederationScriptKind,
  ImmutableIdEncoding,
  NameIdFormat,
  SamlAttributeNameFormat,
  SamlConnectorKind,
  SamlSignatureAlgorithm,
} from '../graphql/samlTypes';

/** The kinds of SAML connector, in the words admins know them by. */
export const SAML_KINDS: { value: SamlConnectorKind; label: string }[] = [
  { value: 'OFFICE_365', label: 'Office 365' },
  { value: 'GENERIC', label: 'Generic SAML 2.0' },
];

export function samlKindLabel(kind: SamlConnectorKind): string {
  return kind === 'OFFICE_365' ? 'Office 365' : 'Generic';
}

export const IMMUTABLE_ID_ENCODINGS: { value: ImmutableIdEncoding; label: string }[] = [
  { value: 'BINARY', label: 'Binary (base64 of the bytes)' },
  { value: 'STRING', label: 'String (text as it is)' },
];

export const MFA_BEHAVIOURS: { value: FederatedMfaBehavior; label: string }[] = [
  { value: 'acceptIfMfaDoneByFederatedIdp', label: 'Accept Countersign’s MFA' },
  { value: 'enforceMfaByFederatedIdp', label: 'Always do MFA at Countersign' },
];

export const NAME_ID_FORMATS: { value: NameIdFormat; label: string }[] = [
  { value: 'EMAIL_ADDRESS', label: 'Email address (emailAddress)' },
  { value: 'PERSISTENT', label: 'Persistent (a stable opaque ID)' },
  { value: 'UNSPECIFIED', label: 'Unspecified' },
  { value: 'TRANSIENT', label: 'Transient (a new ID every sign-in)' },
];

/** SAML NameID format URIs, as an SP's metadata lists them, to the GraphQL name. */
const NAME_ID_URIS: Record<string, NameIdFormat> = {
  'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress': 'EMAIL_ADDRESS',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent': 'PERSISTENT',
  'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified': 'UNSPECIFIED',
  'urn:oasis:names:tc:SAML:2.0:nameid-format:transient': 'TRANSIENT',
};

/** The NameID format a format URI from SP metadata names, if Countersign can send it. */
export function nameIdFormatOfUri(uri: string): NameIdFormat | undefined {
  return NAME_ID_URIS[uri.trim()];
}

export const ATTRIBUTE_NAME_FORMATS: { value: '' | SamlAttributeNameFormat; label: string }[] = [
  { value: '', label: 'Not sent' },
  { value: 'BASIC', label: 'Basic' },
  { value: 'URI', label: 'URI' },
  { value: 'UNSPECIFIED', label: 'Unspecified' },
];

export const SIGNATURE_ALGORITHMS: { value: SamlSignatureAlgorithm; label: string }[] = [
  { value: 'RSA_SHA256', label: 'RSA-SHA256 (recommended)' },
  { value: 'RSA_SHA512', label: 'RSA-SHA512' },
  { value: 'RSA_SHA1', label: 'RSA-SHA1 (deprecated)' },
];

/** SAML bindings an SP may list for its ACS; Countersign answers only by HTTP-POST. */
export const SAML_BINDINGS = {
  post: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST',
  redirect: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect',
  artifact: 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact',
} as const;

export const BINDING_OPTIONS: { value: string; label: string }[] = [
  { value: SAML_BINDINGS.post, label: 'HTTP-POST' },
  { value: SAML_BINDINGS.redirect, label: 'HTTP-Redirect' },
  { value: SAML_BINDINGS.artifact, label: 'HTTP-Artifact' },
];

/** The federation scripts in the order offered, with what each does. */
export const FEDERATION_SCRIPTS: { value: FederationScriptKind; label: string; description: string }[] = [
  {
    value: 'GRAPH_POWERSHELL',
    label: 'Federate the domain (Microsoft Graph PowerShell)',
    description: 'Sends the domain’s sign-ins to Countersign: sets the Issuer, the sign-in and sign-out URLs and the signing certificate in Entra ID.',
  },
  {
    value: 'CERTIFICATE_ROLLOVER',
    label: 'Certificate rollover',
    description: 'Stages the next signing certificate in Entra ID, then makes it the active one once you have rotated here.',
  },
  {
    value: 'REVERT_TO_MANAGED',
    label: 'Revert to managed (Entra ID sign-in)',
    description: 'Takes the domain back from Countersign: users sign in to Microsoft again, with cloud passwords.',
  },
  {
    value: 'LEGACY_MSONLINE',
    label: 'Legacy MSOnline (retired — reference only)',
    description: 'The same federation in the MSOnline module, retired by Microsoft in 2025. For reading old guides; it will not run.',
  },
];

/** Common directory attributes, offered as suggestions where a directory attribute is asked for. */
export const DIRECTORY_ATTRIBUTE_SUGGESTIONS = [
  'mail',
  'userPrincipalName',
  'displayName',
  'givenName',
  'sn',
  'cn',
  'sAMAccountName',
  'uid',
  'telephoneNumber',
  'mobile',
  'objectGUID',
  'mS-DS-ConsistencyGuid',
  'entryUUID',
  'employeeID',
  'department',
];
