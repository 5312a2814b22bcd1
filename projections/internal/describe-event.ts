import type { RecordedEvent } from '../../api/eventstore';

type Describer = (data: Record<string, unknown>) => string;

/** One plain sentence per event type for the audit list; unknown types fall back to their name. */
const describers: Record<string, Describer> = {
  TenantCreated: (d) => `Organisation "${d.name}" created`,
  AdminAdded: (d) => `Admin ${d.email} added as ${d.role}`,
  AdminRoleChanged: (d) => `Admin role changed to ${d.role}`,
  AdminPasswordChanged: () => 'Admin password changed',
  ApiKeyIssued: (d) => `API key "${d.name}" issued (${(d.scopes as string[] | undefined)?.join(', ')})`,
  ApiKeyRevoked: () => 'API key revoked',
  SignInPolicySet: (d) => `Sign-in lockout set to ${d.maxFailures} wrong passwords per ${d.windowMinutes} minutes`,
  AuditRetentionSet: (d) => (d.days ? `Audit history limited to the last ${d.days} days` : 'Audit history kept without limit'),
  AdminSignedIn: (d) => `Admin ${d.email} signed in`,
  AdminSignedOut: () => 'Admin signed out',
  AdminSignInFailed: (d) => `Failed admin sign-in for ${d.email} (${String(d.reason).toLowerCase().replaceAll('_', ' ')})`,
  DirectoryConnectorCreated: (d) => `Directory connector "${(d.config as { name?: string })?.name}" created`,
  DirectoryConnectorUpdated: (d) => `Directory connector "${(d.config as { name?: string })?.name}" updated`,
  DirectoryConnectorDeleted: () => 'Directory connector deleted',
  DirectoryConnectionTested: (d) => `Directory connection test ${d.ok ? 'passed' : 'failed'}`,
  DirectoryUserAdded: (d) => `Directory user ${d.username} added`,
  DirectoryUserUpdated: (d) => `Directory user ${d.email} updated`,
  DirectoryUserRemoved: () => 'Directory user removed',
  PasswordSet: (d) => (d.by === 'user' ? 'Directory user set their password' : 'Directory user password set by an admin'),
  PasswordLinkIssued: (d) => `Password link sent to ${d.email}`,
  SamlConnectorCreated: (d) => `SAML connector "${d.name}" created`,
  SamlConnectorUpdated: (d) => `SAML connector "${d.name}" updated`,
  SamlConnectorDeleted: () => 'SAML connector deleted',
  SigningKeyGenerated: (d) => `${d.slot === 'next' ? 'Next' : 'First'} SAML signing key generated (SHA-256 ${d.fingerprintSha256})`,
  SigningKeyRotated: (d) => `SAML signing key rotated; now signing with SHA-256 ${d.fingerprintSha256}`,
  PreviousSigningKeyRemoved: () => 'Previous SAML signing key removed',
  SpMetadataImported: (d) => `Service provider metadata imported for ${d.entityId}`,
  FederationScriptGenerated: (d) => `Federation script generated (${d.kind})`,
  ServiceInstanceConfigured: (d) => `Service "${d.name}" configured (second factor ${d.secondFactor})`,
  ServiceStarted: () => 'Service started',
  ServiceStopped: () => 'Service stopped',
  ServiceDeleted: () => 'Service deleted',
  TokenPackCreated: (d) => `Token pack "${d.name}" created`,
  TokenPackUpdated: (d) => `Token pack "${d.name}" updated`,
  TokenPackDeleted: () => 'Token pack deleted',
  ServiceEnabled: () => 'Service enabled in a token pack',
  ServiceDisabled: () => 'Service disabled in a token pack',
  TrustedNetworkAdded: (d) => `Trusted network "${d.name}" (${d.cidr}) added to a token pack`,
  TrustedNetworkRemoved: () => 'Trusted network removed from a token pack',
  TokenPackSendRequested: (d) => `Token pack email queued for ${d.email}`,
  TokenPackEmailSent: (d) => `Token pack email sent to ${d.email}`,
  TokenPackEmailFailed: (d) => (d.final ? `Token pack email to ${d.email} failed: ${d.reason}` : `Token pack email to ${d.email} will be retried: ${d.reason}`),
  AuthnRequestReceived: (d) => `Sign-in request from ${d.spEntityId} (${d.binding})`,
  AuthnRequestRejected: (d) => `Sign-in request rejected: ${d.reason}`,
  PrimaryAuthSucceeded: (d) => `${d.username} passed the password check${d.viaSession ? ' (IdP session)' : ''}`,
  PrimaryAuthFailed: (d) => `Password check failed for ${d.username}: ${d.adminMessage}`,
  SecondFactorSkipped: () => 'Second factor skipped: switched off for this service',
  IdpSessionStarted: (d) => `IdP session started for ${d.username}`,
  IdpSessionEnded: () => 'IdP session ended (sign-out)',
  AssertionIssued: (d) => `Assertion issued for ${d.subject}${d.mfa ? ' (multi-factor)' : ' (password only)'}`,
  AuthenticationFailed: (d) => `Sign-in failed: ${d.reason}`,
};

export function describeEvent(event: Pick<RecordedEvent, 'type' | 'data'>): string {
  const describe = describers[event.type];
  const data = (event.data ?? {}) as Record<string, unknown>;
  return describe ? describe(data) : event.type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** The aggregate an event belongs to, from its stream id `<aggregate>-<tenant>-<id>`. */
export function categoryOf(streamId: string): string {
  return streamId.split('-', 1)[0]!;
}
