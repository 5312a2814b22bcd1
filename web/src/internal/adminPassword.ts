/** Matches the server's rule for admin passwords (setup and invitations). */
export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/** The hint under a new admin password: the rule, then how many characters are still missing. */
export function adminPasswordHint(password: string): string {
  const missing = MIN_ADMIN_PASSWORD_LENGTH - [...password].length;
  if (missing <= 0) return `✓ At least ${MIN_ADMIN_PASSWORD_LENGTH} characters.`;
  if (password.length === 0) return `At least ${MIN_ADMIN_PASSWORD_LENGTH} characters. A passphrase of a few words works well.`;
  return `At least ${MIN_ADMIN_PASSWORD_LENGTH} characters: ${missing} more to go.`;
}
