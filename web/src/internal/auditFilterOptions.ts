/**
 * What the audit filter offers to choose from. The API has no query listing the categories
 * and event types it records, so these follow the server's aggregates and events; a type not
 * listed here can still be typed in.
 */
export const AUDIT_CATEGORIES: readonly { value: string; label: string }[] = [
  { value: 'authentication', label: 'Sign-ins (authentication)' },
  { value: 'adminSignIn', label: 'Admin sign-ins' },
  { value: 'adminSession', label: 'Admin sessions' },
  { value: 'tenant', label: 'Organisation & settings (tenant)' },
  { value: 'directory', label: 'Directories' },
  { value: 'directoryUser', label: 'Directory users' },
  { value: 'samlConnector', label: 'SAML connectors' },
  { value: 'service', label: 'Services' },
  { value: 'tokenPack', label: 'Token packs' },
  { value: 'enrollment', label: 'Enrollments' },
  { value: 'device', label: 'Devices' },
  { value: 'challenge', label: 'Push challenges' },
];

export const AUDIT_EVENT_TYPES: readonly string[] = [
  'ActivationCodeIssued', 'ActivationEmailFailed', 'ActivationEmailSent', 'ActivationFailed', 'AdminAdded', 'AdminInvitationAccepted',
  'AdminInvitationResent', 'AdminInvitationRevoked', 'AdminInvited', 'AdminPasswordChanged', 'AdminRemoved',
  'AdminRoleChanged', 'AdminSignInFailed', 'AdminSignedIn', 'AdminSignedOut', 'ApiKeyIssued', 'ApiKeyRevoked', 'AssertionIssued',
  'AuditRetentionSet', 'AuthenticationFailed', 'AuthnRequestReceived', 'AuthnRequestRejected', 'ChallengeApproved', 'ChallengeCancelled',
  'ChallengeDenied', 'ChallengeExpired', 'ChallengeFailed', 'DeviceActivated', 'DeviceRevoked', 'DirectoryConnectionTested',
  'DirectoryConnectorCreated', 'DirectoryConnectorDeleted', 'DirectoryConnectorUpdated', 'DirectoryUserAdded', 'DirectoryUserRemoved',
  'DirectoryUserUpdated', 'EnrollmentActivated', 'EnrollmentExpired', 'EnrollmentFailed', 'EnrollmentPrimaryAuthFailed',
  'EnrollmentPrimaryAuthPassed', 'EnrollmentStarted', 'FederationScriptGenerated', 'FraudReported', 'IdpSessionEnded', 'IdpSessionStarted',
  'PasswordLinkIssued', 'PasswordSet', 'PreviousSigningKeyRemoved', 'PrimaryAuthFailed', 'PrimaryAuthSucceeded', 'PushChallengeIssued',
  'PushDelivered', 'SamlConnectorCreated', 'SamlConnectorDeleted', 'SamlConnectorUpdated', 'SecondFactorSkipped', 'ServiceDeleted',
  'ServiceDisabled', 'ServiceEnabled', 'ServiceInstanceConfigured', 'ServiceStarted', 'ServiceStopped', 'SignInPolicySet',
  'SigningKeyGenerated', 'SigningKeyRotated', 'SpMetadataImported', 'TenantCreated', 'TokenPackCreated', 'TokenPackDeleted',
  'TokenPackEmailFailed', 'TokenPackEmailSent', 'TokenPackSendRequested', 'TokenPackUpdated', 'TotpCodeAccepted', 'TrustedNetworkAdded',
  'TrustedNetworkRemoved',
];
