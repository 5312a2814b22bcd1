import type { Entry } from 'ldapts';

import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import type { DirectoryUserProfile } from '../directory';

type Value = string | Buffer;

/** The values of `attribute` in an entry; attribute names compare case-insensitively. */
export function attributeValues(entry: Entry, attribute: string): Value[] {
  const wanted = attribute.toLowerCase();
  for (const [key, value] of Object.entries(entry)) {
    if (key !== 'dn' && key.toLowerCase() === wanted) return Array.isArray(value) ? value : [value];
  }
  return [];
}

/** The first value of `attribute` as text, or undefined when the entry has none. */
export function firstText(entry: Entry, attribute: string | undefined): string | undefined {
  if (!attribute) return undefined;
  const value = attributeValues(entry, attribute).find((candidate) => candidate.length > 0);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ImmutableID: base64 of the source attribute's raw bytes, as Entra Connect makes it. A
 * value in the UUID string syntax (OpenLDAP's entryUUID) is first turned into its 16 bytes, so
 * the result has the same shape as an objectGUID's. A binary value ldapts decoded as text
 * (attribute name spelled in another case than the server's) is re-encoded losslessly: ldapts
 * only decodes strictly valid UTF-8.
 */
export function immutableIdOf(entry: Entry, attribute: string | undefined): string | undefined {
  if (!attribute) return undefined;
  const [value] = attributeValues(entry, attribute);
  if (value === undefined || value.length === 0) return undefined;
  const raw = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const asText = raw.toString('latin1');
  return (uuidText.test(asText) ? Buffer.from(asText.replace(/-/g, ''), 'hex') : raw).toString('base64');
}

/**
 * Maps a directory entry to the profile Countersign works with. `typedUsername` picks, among
 * several login values, the one the user typed (in the directory's case).
 */
export function userProfileOf(entry: Entry, config: LdapDirectoryConnectorConfig, typedUsername?: string): DirectoryUserProfile {
  const logins = attributeValues(entry, config.loginProperty).map((value) => (typeof value === 'string' ? value : value.toString('utf8')));
  const typed = typedUsername?.toLowerCase();
  const username = logins.find((login) => login.toLowerCase() === typed) ?? logins[0] ?? typedUsername ?? '';
  const profile: DirectoryUserProfile = {
    dn: entry.dn,
    username,
    email: firstText(entry, config.emailProperty) ?? null,
    displayName: firstText(entry, config.displayNameProperty) ?? firstText(entry, 'cn') ?? username,
  };
  const phone = firstText(entry, config.phoneProperty);
  const upn = firstText(entry, config.upnProperty);
  const immutableId = immutableIdOf(entry, config.immutableIdProperty);
  if (phone) profile.phone = phone;
  if (upn) profile.upn = upn;
  if (immutableId) profile.immutableId = immutableId;
  return profile;
}
