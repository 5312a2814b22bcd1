// The directory (first factor) module: connector settings, the Directory contract that LDAP and
// the built-in directory implement, the pooled LDAP client and its registry, and the connection
// test. Everything in internal/ is private to this folder.

export {
  defaultsForType,
  directorySecurities,
  directoryTypes,
  isActiveDirectoryType,
  type DirectorySecurity,
  type DirectoryType,
  type DirectoryTypeDefaults,
  type LdapDirectoryType,
} from './directory-type-defaults';
export {
  directoryConnectorConfigSchema,
  parseDirectoryConnectorConfig,
  type BuiltInDirectoryConnectorConfig,
  type DirectoryConnectorConfig,
  type DirectoryConnectorConfigInput,
  type LdapDirectoryConnectorConfig,
} from './directory-connector-config';
export type { AuthenticationResult, Directory, DirectoryUserProfile, PasswordWarning, UserLookupResult } from './directory';
export {
  directoryFailure,
  directoryFailureError,
  isInfrastructureFailure,
  type DirectoryFailure,
  type DirectoryFailureReason,
} from './directory-failure';
export type {
  CertificateSummary,
  ConnectionTestOptions,
  ConnectionTestOutcome,
  ConnectionTestReport,
  ConnectionTestStep,
  ConnectionTestStepName,
} from './connection-test-report';
export { testDirectoryConnector } from './test-directory-connector';
export { createLdapDirectory, LdapDirectory, type LdapDirectoryOptions, type LdapDirectoryStats } from './ldap-directory';
export { createDirectoryRegistry, type DirectoryRegistry } from './directory-registry';
export { createBuiltInDirectory } from './built-in-directory';
