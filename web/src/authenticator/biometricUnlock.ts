import { fromBase64url, toBase64url } from './internal/base64url';

/**
 * Whether this browser has a platform authenticator that verifies the user (fingerprint,
 * face, or the phone's own screen lock), so "use fingerprint or face" can be offered.
 */
export async function biometricAvailable(): Promise<boolean> {
  // WebAuthn needs a domain name: on a bare IP address the platform refuses every credential.
  if (/^[\d.]+$|^\[?[0-9a-f]*:[0-9a-f:]*\]?$/i.test(location.hostname)) return false;
  try {
    return typeof PublicKeyCredential !== 'undefined' && (await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable());
  } catch {
    return false;
  }
}

/** Whether the authenticator data's UV flag (bit 2 of byte 32) says the user was verified. */
function userVerified(authenticatorData: ArrayBuffer): boolean {
  const flags = new Uint8Array(authenticatorData)[32] ?? 0;
  return (flags & 0x04) !== 0;
}

/**
 * Makes a platform credential that needs user verification, for this app's local unlock;
 * returns its id. Nothing is sent to the server: this only proves to this page that the
 * phone's owner is present.
 */
export async function createBiometricCredential(username: string): Promise<string> {
  const credential = (await navigator.credentials.create({
    publicKey: {
      rp: { name: 'Countersign authenticator', id: location.hostname },
      user: { id: crypto.getRandomValues(new Uint8Array(16)), name: username, displayName: username },
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      authenticatorSelection: { authenticatorAttachment: 'platform', userVerification: 'required', residentKey: 'discouraged' },
      timeout: 60_000,
      attestation: 'none',
    },
  })) as PublicKeyCredential | null;
  if (!credential) throw new Error('No credential was made.');
  return toBase64url(credential.rawId);
}

/** Asks the platform to verify the user with the credential made at enrolment; true when it did. */
export async function verifyWithBiometric(credentialId: string): Promise<boolean> {
  const assertion = (await navigator.credentials.get({
    publicKey: {
      challenge: crypto.getRandomValues(new Uint8Array(32)),
      rpId: location.hostname,
      allowCredentials: [{ type: 'public-key', id: fromBase64url(credentialId) }],
      userVerification: 'required',
      timeout: 60_000,
    },
  })) as PublicKeyCredential | null;
  if (!assertion) return false;
  return userVerified((assertion.response as AuthenticatorAssertionResponse).authenticatorData);
}
