import type { Sealed } from '../../crypto';

/** How the activation code reached the authenticator. */
export type ActivationDelivery = 'trusted-network' | 'email';

/** Why an activation attempt was refused (recorded; the message goes to the authenticator). */
export type ActivationFailure = 'CODE_USED' | 'CODE_EXPIRED' | 'CODE_OTHER_ENROLLMENT' | 'CODE_INVALID' | 'CODE_REPLACED' | 'NOT_SIGNED_IN';

/**
 * One stream per enrollment: `enrollment-<tenant>-<enrollmentId>`. An authenticator opens a
 * token pack link (EnrollmentStarted), the user signs in to the pack's primary directory,
 * an activation code is handed over (at once on a trusted network, else by email), and the
 * device is activated with its own public key. Only hashes of the enrollment key and the
 * activation code are stored; an emailed code is sealed for the mail worker.
 */
export type EnrollmentEvent =
  | { type: 'EnrollmentStarted'; data: { enrollmentId: string; tokenPackId: string; sendId: string; directoryConnectorId: string; enrollmentKeyHash: string; expiresAt: string } }
  | { type: 'EnrollmentPrimaryAuthPassed'; data: { enrollmentId: string; username: string; userKey: string; email: string | null; displayName: string; trustedNetwork: string | null } }
  | { type: 'EnrollmentPrimaryAuthFailed'; data: { enrollmentId: string; username: string; reason: string } }
  | {
      type: 'ActivationCodeIssued';
      data: { enrollmentId: string; codeId: string; codeHash: string; expiresAt: string; delivery: ActivationDelivery; email: string | null; sealedCode: Sealed | null };
    }
  | { type: 'ActivationEmailSent'; data: { enrollmentId: string; codeId: string; email: string; messageId: string } }
  | { type: 'ActivationEmailFailed'; data: { enrollmentId: string; codeId: string; email: string; reason: string; final: boolean } }
  | { type: 'ActivationFailed'; data: { enrollmentId: string; reason: ActivationFailure } }
  | { type: 'EnrollmentActivated'; data: { enrollmentId: string; codeId: string; deviceId: string; deviceName: string; keyThumbprint: string; username: string; userKey: string; email: string | null } }
  | { type: 'NewDeviceNoticeSent'; data: { enrollmentId: string; deviceId: string; email: string; messageId: string } }
  | { type: 'NewDeviceNoticeFailed'; data: { enrollmentId: string; deviceId: string; email: string; reason: string; final: boolean } }
  | { type: 'EnrollmentFailed'; data: { enrollmentId: string; reason: string } }
  | { type: 'EnrollmentExpired'; data: { enrollmentId: string } };

export const enrollmentEventTypes = [
  'EnrollmentStarted',
  'EnrollmentPrimaryAuthPassed',
  'EnrollmentPrimaryAuthFailed',
  'ActivationCodeIssued',
  'ActivationEmailSent',
  'ActivationEmailFailed',
  'ActivationFailed',
  'EnrollmentActivated',
  'NewDeviceNoticeSent',
  'NewDeviceNoticeFailed',
  'EnrollmentFailed',
  'EnrollmentExpired',
] as const satisfies readonly EnrollmentEvent['type'][];

/** Context an emailed activation code is sealed under. */
export const ACTIVATION_CODE_SEAL_CONTEXT = 'enrollment:activationCode';
