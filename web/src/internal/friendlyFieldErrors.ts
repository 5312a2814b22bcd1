/** Said instead of a validator's generic wording ("Invalid input: expected string, received undefined"). */
const FALLBACK: Record<string, string> = {
  bindPassword: "Enter the service account's password.",
  baseDn: 'Enter the base DN, e.g. ou=People,dc=example,dc=com.',
  bindDn: 'Enter the service account used to search for users.',
  hosts: 'Add at least one directory server (host name or IP address).',
  name: 'Give the connector a name.',
};

/** "use at least 10 characters" → "Use at least 10 characters." */
function asSentence(message: string): string {
  const text = message.trim();
  if (!text) return text;
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The server's per-field messages as sentences, with the few that come from a validator's
 * defaults rather than a sentence written for admins replaced by one that says what to do.
 */
export function friendlyFieldErrors(fields: Record<string, string>): Record<string, string> {
  const friendly: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const generic = /^Invalid input\b/i.test(message);
    friendly[field] = asSentence(generic ? (FALLBACK[field.split('.')[0] ?? field] ?? `Check this field: ${message}`) : message);
  }
  return friendly;
}
