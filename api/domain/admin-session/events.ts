/** Why an admin sign-in failed, for the audit history (never shown to the person signing in). */
export type AdminSignInFailure = 'UNKNOWN_EMAIL' | 'WRONG_PASSWORD' | 'RATE_LIMITED';

/**
 * One stream per admin session (`adminSession-<tenant>-<sessionKey>`, where the key is a
 * hash of the cookie token, never the token itself), and one single-event stream per failed
 * attempt.
 */
export type AdminSessionEvent =
  | { type: 'AdminSignedIn'; data: { sessionKey: string; adminId: string; email: string; expiresAt: string } }
  | { type: 'AdminSignedOut'; data: { sessionKey: string; adminId: string } }
  | { type: 'AdminSignInFailed'; data: { email: string; reason: AdminSignInFailure } };

export const adminSessionEventTypes = ['AdminSignedIn', 'AdminSignedOut', 'AdminSignInFailed'] as const;
