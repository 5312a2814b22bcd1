import type { RecordedEvent } from '../../api/eventstore';

type Describer = (data: Record<string, unknown>) => string;

/** One plain sentence per event type for the audit list; unknown types fall back to their name. */
const describers: Record<string, Describer> = {
  TenantCreated: (d) => `Organisation "${d.name}" created`,
  AdminAdded: (d) => `Admin ${d.email} added as ${d.role}`,
  AdminRoleChanged: (d) => (d.email ? `Admin ${d.email} is now ${d.role}` : `Admin role changed to ${d.role}`),
  AdminInvited: (d) => `Admin ${d.email} invited as ${d.role}`,
  AdminInvitationResent: (d) => `Admin invitation to ${d.email} sent again`,
  AdminInvitationRevoked: (d) => `Admin invitation to ${d.email} revoked`,
  AdminInvitationAccepted: (d) => `Admin ${d.email} accepted the invitation and joined as ${d.role}`,
  AdminRemoved: (d) => `Admin ${d.email} (${d.role}) removed; their sessions ended`,
  AdminInvitationEmailFailed: (d) => `Invitation email to ${d.email} ${d.final ? 'could not be sent' : 'failed, trying again'}: ${d.reason}`,
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
  SecondFactorPassed: (d) => (d.method === 'totp' ? 'Second factor passed with a TOTP code' : 'Second factor passed: push approved'),
  SecondFactorFailed: (d) => `Second factor failed (${String(d.reason).toLowerCase().replaceAll('_', ' ')})`,
  EnrollmentStarted: () => 'Enrollment started from a token pack link',
  EnrollmentPrimaryAuthPassed: (d) => `${d.username} signed in to enrol a device${d.trustedNetwork ? ` from trusted network ${d.trustedNetwork}` : ''}`,
  EnrollmentPrimaryAuthFailed: (d) => `Enrollment sign-in failed for ${d.username} (${String(d.reason).toLowerCase().replaceAll('_', ' ')})`,
  ActivationCodeIssued: (d) => (d.delivery === 'email' ? `Activation code emailed to ${d.email}` : 'Activation code handed over on a trusted network'),
  ActivationEmailSent: (d) => `Activation email sent to ${d.email}`,
  ActivationEmailFailed: (d) => `Activation email to ${d.email} failed${d.final ? '' : ' (will retry)'}: ${d.reason}`,
  ActivationFailed: (d) => `Activation refused (${String(d.reason).toLowerCase().replaceAll('_', ' ')})`,
  EnrollmentActivated: (d) => `Device "${d.deviceName}" activated for ${d.username}`,
  NewDeviceNoticeSent: (d) => `New-device notice sent to ${d.email}`,
  NewDeviceNoticeFailed: (d) => `New-device notice to ${d.email} failed${d.final ? '' : ' (will retry)'}: ${d.reason}`,
  EnrollmentFailed: (d) => `Enrollment ended: ${d.reason}`,
  EnrollmentExpired: () => 'Enrollment expired',
  DeviceActivated: (d) => `Device "${d.name}" of ${d.username} activated`,
  PushChannelRegistered: (d) => `Device registered for ${d.channel} notifications`,
  PushChannelRemoved: (d) => (d.reason === 'GONE' ? `Device's ${d.channel} registration no longer exists at the push service; no longer used` : `Device turned off ${d.channel} notifications`),
  TotpCodeAccepted: () => 'TOTP code accepted',
  DeviceRevoked: (d) => `Device revoked${(d.by as { kind?: string })?.kind === 'device' ? ' by the user from another device' : ' by an admin'}: ${d.reason}`,
  PushChallengeIssued: (d) => `Push sent to ${(d.deviceIds as string[]).length} device(s) of ${d.username} for ${d.serviceName}`,
  PushChallengeSuppressed: (d) => `Push to ${d.username} not sent (${String(d.reason).toLowerCase().replaceAll('_', ' ')})`,
  PushDelivered: (d) => `Push delivered (${d.channel})`,
  PushDeliveryFailed: (d) => `Push to a device (${d.channel}) failed${d.final ? '' : ' (will retry)'}: ${d.reason}`,
  VapidKeyGenerated: () => 'Web Push (VAPID) key generated for this deployment',
  ChallengeApproved: () => 'Push approved with the matching number',
  ChallengeDenied: (d) => (d.fraud ? 'Push denied: "this wasn\'t me"' : 'Push denied'),
  FraudReported: (d) => `Fraud reported by ${d.username}: a sign-in to ${d.serviceName} from ${d.clientIp ?? 'an unknown address'} was not theirs`,
  ChallengeFailed: () => 'Push failed: the wrong number was chosen',
  ChallengeExpired: () => 'Push expired unanswered',
  ChallengeCancelled: (d) => `Push cancelled (${String(d.reason).toLowerCase().replaceAll('_', ' ')})`,
  MailSettingsUpdated: (d) => `Outgoing mail set to ${d.host}:${d.port} (${d.security}), sent as ${d.fromAddress}`,
  MailSettingsCleared: () => 'Outgoing mail set back to the server default',
  TestEmailSent: (d) => (d.ok ? `Test email sent to ${d.to}` : `Test email to ${d.to} failed: ${d.message}`),
  ThemeCreated: (d) => `Theme "${d.name}" created`,
  ThemeUpdated: (d) => `Theme "${d.name}" updated`,
  ThemeDeleted: () => 'Theme deleted',
  DefaultThemeSet: () => 'Default theme changed',
};

export function describeEvent(event: Pick<RecordedEvent, 'type' | 'data'>): string {
  const describe = describers[event.type];
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (describe) return describe(data);
  let spelled = spelledTypes.get(event.type);
  if (spelled === undefined) spelledTypes.set(event.type, (spelled = event.type.replace(/([a-z])([A-Z])/g, '$1 $2')));
  return spelled;
}

/** Type names spelled as words, for types without a describer (the regex runs once per type). */
const spelledTypes = new Map<string, string>();

/** The aggregate an event belongs to, from its stream id `<aggregate>-<tenant>-<id>`. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}
