import type { DirectoryUserProfile } from '../../directory/directory';

/** Where the sign-in came from and where its answer goes. */
export interface SignInRequest {
  serviceId: string;
  samlConnectorId: string;
  directoryConnectorId: string;
  spEntityId: string;
  /** The AuthnRequest ID (absent for IdP-initiated sign-ins). */
  requestId?: string;
  acsUrl: string;
  relayState?: string;
  binding: 'redirect' | 'post' | 'idp-initiated';
  forceAuthn: boolean;
  /** Per-service policy at the time of the request. */
  secondFactor: 'REQUIRED' | 'OFF';
}

/**
 * One stream per sign-in (`authentication-<tenant>-<signInId>`): its events tell the whole
 * story. A password never appears; the profile is what the directory returned.
 */
export type AuthenticationEvent =
  | { type: 'AuthnRequestReceived'; data: SignInRequest & { signInId: string } }
  | { type: 'AuthnRequestRejected'; data: { serviceId: string; code: string; reason: string } }
  | { type: 'PrimaryAuthSucceeded'; data: { username: string; authnInstant: string; profile: DirectoryUserProfile; viaSession: boolean } }
  | { type: 'PrimaryAuthFailed'; data: { username: string; reason: string; adminMessage: string; diagnostic?: string } }
  | { type: 'SecondFactorSkipped'; data: { policy: 'OFF' } }
  /** The push was approved (`challengeId`) or a TOTP code of `deviceId` was accepted. */
  | { type: 'SecondFactorPassed'; data: { method: 'push' | 'totp'; deviceId: string; challengeId?: string } }
  /** A wrong number on the device, or a wrong / reused TOTP code; the sign-in may try again. */
  | { type: 'SecondFactorFailed'; data: { method: 'push' | 'totp'; reason: string } }
  | { type: 'IdpSessionStarted'; data: { sessionKey: string; username: string; directoryConnectorId: string; expiresAt: string; authnInstant: string; profile: DirectoryUserProfile } }
  | { type: 'IdpSessionEnded'; data: { sessionKey: string; reason: 'LOGOUT' } }
  | { type: 'AssertionIssued'; data: { responseId: string; assertionId: string; sessionIndex: string; subject: string; mfa: boolean; acsUrl: string } }
  | { type: 'AuthenticationFailed'; data: { code: string; reason: string } };

export const authenticationEventTypes = [
  'AuthnRequestReceived',
  'AuthnRequestRejected',
  'PrimaryAuthSucceeded',
  'PrimaryAuthFailed',
  'SecondFactorSkipped',
  'SecondFactorPassed',
  'SecondFactorFailed',
  'IdpSessionStarted',
  'IdpSessionEnded',
  'AssertionIssued',
  'AuthenticationFailed',
] as const;
