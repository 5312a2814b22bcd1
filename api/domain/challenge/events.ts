/** What became of a push challenge (the read model's `status`). */
export type ChallengeStatus = 'PENDING' | 'APPROVED' | 'DENIED' | 'FRAUD_REPORTED' | 'WRONG_NUMBER' | 'EXPIRED' | 'CANCELLED' | 'SUPPRESSED';

/** Why a push was not sent (push-fatigue protection). */
export type SuppressionReason = 'PENDING_CAP' | 'HOURLY_CAP' | 'COOL_DOWN';

/** A push challenge as issued: what the devices show, and the number the sign-in page shows. */
export interface IssuedChallenge {
  challengeId: string;
  signInId: string;
  serviceId: string;
  serviceName: string;
  directoryConnectorId: string;
  username: string;
  userKey: string;
  /** The user's active devices at the time; the first valid answer from any of them wins. */
  deviceIds: string[];
  /**
   * Those of `deviceIds` that had a store-and-forward registration (Web Push, …) when the
   * challenge was issued, so the push worker queues deliveries only for them. Absent on
   * challenges issued before it existed: then every device is tried.
   */
  pushDeviceIds?: string[];
  /** Shown on the sign-in page only; the devices get `numberChoices`. */
  number: number;
  numberChoices: number[];
  clientIp: string | null;
  browser: string | null;
  issuedAt: string;
  expiresAt: string;
}

/**
 * One stream per push challenge: `challenge-<tenant>-<challengeId>`, correlated with its
 * sign-in (`signInId`, and the events' correlationId). The sign-in's own stream records the
 * outcome (SecondFactorPassed / SecondFactorFailed / AuthenticationFailed).
 */
export type ChallengeEvent =
  | { type: 'PushChallengeIssued'; data: IssuedChallenge }
  | { type: 'PushChallengeSuppressed'; data: { challengeId: string; signInId: string; userKey: string; username: string; serviceId: string; serviceName: string; reason: SuppressionReason; retryAfterSeconds: number } }
  | { type: 'PushDelivered'; data: { challengeId: string; deviceId: string; channel: string } }
  /** A push service refused or could not take the notice for one device; `final` when no further try will be made. */
  | { type: 'PushDeliveryFailed'; data: { challengeId: string; deviceId: string; channel: string; reason: string; final: boolean } }
  | { type: 'ChallengeApproved'; data: { challengeId: string; signInId: string; deviceId: string; number: number } }
  | { type: 'ChallengeDenied'; data: { challengeId: string; signInId: string; deviceId: string; fraud: boolean } }
  /** "This wasn't me": someone has the user's password. */
  | { type: 'FraudReported'; data: { challengeId: string; signInId: string; deviceId: string; userKey: string; username: string; serviceName: string; clientIp: string | null; browser: string | null } }
  | { type: 'ChallengeFailed'; data: { challengeId: string; signInId: string; deviceId: string; reason: 'WRONG_NUMBER'; chosen: number | null } }
  | { type: 'ChallengeExpired'; data: { challengeId: string; signInId: string } }
  | { type: 'ChallengeCancelled'; data: { challengeId: string; signInId: string; reason: 'CODE_USED' | 'SUPERSEDED' | 'SIGN_IN_ENDED' } };

export const challengeEventTypes = [
  'PushChallengeIssued',
  'PushChallengeSuppressed',
  'PushDelivered',
  'PushDeliveryFailed',
  'ChallengeApproved',
  'ChallengeDenied',
  'FraudReported',
  'ChallengeFailed',
  'ChallengeExpired',
  'ChallengeCancelled',
] as const satisfies readonly ChallengeEvent['type'][];
