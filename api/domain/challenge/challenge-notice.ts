/**
 * What a device is shown about a challenge, on the live channel and in a Web Push message:
 * never the number itself, only the choices. Free of Node imports: the web authenticator uses it too.
 */
export interface ChallengeNotice {
  challengeId: string;
  serviceName: string;
  username: string;
  clientIp: string | null;
  browser: string | null;
  issuedAt: string;
  expiresAt: string;
  numberChoices: number[];
}
