const MAX_LENGTH = 254;
const LOCAL = /^[^\s@<>()[\]\\,;:"]{1,64}$/u;
const TLD = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;

/** Why a recipient address cannot be used, in words an admin can act on; undefined when fine. */
export function emailProblem(email: string): string | undefined {
  const shown = `"${email}"`;
  if (!email) return 'An address is empty.';
  if (email.length > MAX_LENGTH) return `${shown.slice(0, 40)}..." is longer than an email address can be.`;
  const at = email.lastIndexOf('@');
  if (at === -1) return `${shown} has no @; write it like name@example.com.`;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!LOCAL.test(local)) return `${shown} has no valid name before the @ (no spaces, commas or brackets).`;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || !TLD.test(labels[labels.length - 1]!)) {
    return `${shown} has no valid domain after the @, such as example.com.`;
  }
  return undefined;
}
