/** Hand-written result types for the directory operations, matching `schema.graphql`. */

export type DirectoryType = 'ACTIVE_DIRECTORY' | 'AZURE_AD_DS' | 'OPENLDAP' | 'OTHER_LDAP' | 'BUILT_IN';

export type DirectorySecurity = 'NONE' | 'STARTTLS' | 'LDAPS';

/** DNS_RESOLUTION, TCP_CONNECT, TLS_HANDSHAKE, SERVICE_BIND, BASE_DN_READ, USER_SEARCH or SIGN_IN. */
export type ConnectionTestStepName = string;

export interface CertificateSummary {
  __typename?: 'CertificateSummary';
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  fingerprintSha256: string;
  trusted: boolean;
  trustProblem: string | null;
}

export interface DirectoryUserProfile {
  __typename?: 'DirectoryUserProfile';
  dn: string;
  username: string;
  email: string | null;
  displayName: string;
  phone: string | null;
  upn: string | null;
  immutableId: string | null;
}

export interface ConnectionTestStep {
  __typename?: 'ConnectionTestStep';
  step: ConnectionTestStepName;
  host: string | null;
  /** `ok`, `failed` or `skipped`. */
  outcome: string;
  durationMs: number;
  message: string;
  hint: string | null;
  addresses: string[] | null;
  certificate: CertificateSummary | null;
  sampleUsers: DirectoryUserProfile[] | null;
  profile: DirectoryUserProfile | null;
  reason: string | null;
}

export interface ConnectionTestResult {
  __typename?: 'ConnectionTestResult';
  ok: boolean;
  durationMs: number;
  testedAt: string | null;
  steps: ConnectionTestStep[];
}

export interface DirectoryConnector {
  __typename?: 'DirectoryConnector';
  id: string;
  name: string;
  type: DirectoryType;
  hosts: string[];
  port: number | null;
  security: DirectorySecurity | null;
  caCertificatePem: string | null;
  verifyCertificate: boolean;
  baseDn: string | null;
  bindDn: string | null;
  hasBindPassword: boolean;
  userObjectClass: string | null;
  loginProperty: string | null;
  emailProperty: string | null;
  displayNameProperty: string | null;
  phoneProperty: string | null;
  upnProperty: string | null;
  immutableIdProperty: string | null;
  userFilter: string | null;
  connectTimeoutMs: number | null;
  operationTimeoutMs: number | null;
  template: boolean;
  userCount: number | null;
  createdAt: string;
  updatedAt: string;
  lastTest: ConnectionTestResult | null;
}

/** What the client sends to create or replace a connector; fields left out take the type's defaults. */
export interface DirectoryConnectorInput {
  name: string;
  type: DirectoryType;
  hosts?: string[];
  port?: number;
  security?: DirectorySecurity;
  caCertificatePem?: string;
  verifyCertificate?: boolean;
  baseDn?: string;
  bindDn?: string;
  /** Left out on update to keep the stored password. */
  bindPassword?: string;
  userObjectClass?: string;
  loginProperty?: string;
  emailProperty?: string;
  displayNameProperty?: string;
  phoneProperty?: string;
  upnProperty?: string;
  immutableIdProperty?: string;
  userFilter?: string;
  connectTimeoutMs?: number;
  operationTimeoutMs?: number;
}

export interface DirectoryTypeDefaults {
  __typename?: 'DirectoryTypeDefaults';
  security: DirectorySecurity;
  port: number;
  loginProperty: string;
  emailProperty: string;
  displayNameProperty: string;
  phoneProperty: string;
  upnProperty: string;
  immutableIdProperty: string;
  userObjectClass: string;
}

export interface DirectoryUser {
  __typename?: 'DirectoryUser';
  id: string;
  connectorId: string;
  username: string;
  email: string;
  displayName: string;
  phone: string | null;
  immutableId: string;
  enabled: boolean;
  hasPassword: boolean;
  createdAt: string;
}

export interface DirectoryUserPage {
  __typename?: 'DirectoryUserPage';
  users: DirectoryUser[];
  total: number;
  endCursor: string | null;
}

export interface NewDirectoryUserInput {
  username: string;
  email: string;
  displayName: string;
  phone?: string | null;
  immutableId?: string | null;
  enabled?: boolean;
  password?: string | null;
}

export interface DirectoryUserUpdateInput {
  email: string;
  displayName: string;
  phone?: string | null;
  immutableId?: string | null;
  enabled: boolean;
}

export interface ImportRowResult {
  __typename?: 'ImportRowResult';
  line: number;
  username: string;
  ok: boolean;
  error: string | null;
}

export interface ImportReport {
  __typename?: 'ImportReport';
  imported: number;
  failed: number;
  rows: ImportRowResult[];
}
