import { AppError } from '../errors';

/** One attribute of a directory entry as the directory adapter returns it; binary attributes as bytes. */
export type DirectoryValue = string | readonly string[] | Uint8Array | undefined;

/** A user's directory entry: attribute name → value. Lookups ignore case, as LDAP does. */
export type DirectoryProfile = Readonly<Record<string, DirectoryValue>>;

/** Returns an attribute's value, matching the name case-insensitively. */
export function profileValue(profile: DirectoryProfile, attribute: string): DirectoryValue {
  if (attribute in profile) return profile[attribute];
  const wanted = attribute.toLowerCase();
  for (const key of Object.keys(profile)) if (key.toLowerCase() === wanted) return profile[key];
  return undefined;
}

/** An attribute's values as strings (bytes as base64), empty when the attribute is missing. */
export function profileStrings(profile: DirectoryProfile, attribute: string): string[] {
  const value = profileValue(profile, attribute);
  if (value === undefined) return [];
  if (typeof value === 'string') return value === '' ? [] : [value];
  if (value instanceof Uint8Array) return [Buffer.from(value).toString('base64')];
  return (value as readonly string[]).filter((v) => v !== '');
}

/** Exactly one value of an attribute; throws `SAML_VALUE_INVALID` naming the attribute otherwise. */
export function singleProfileValue(profile: DirectoryProfile, attribute: string, purpose: string): string | Uint8Array {
  const value = profileValue(profile, attribute);
  if (value instanceof Uint8Array || typeof value === 'string') {
    if (value.length > 0) return value;
  } else if (value && value.length === 1 && value[0]) {
    return value[0];
  } else if (value && value.length > 1) {
    throw new AppError('SAML_VALUE_INVALID', `The directory attribute ${attribute} (${purpose}) has several values; it must have exactly one.`);
  }
  throw new AppError('SAML_VALUE_INVALID', `The user's directory entry has no ${attribute} attribute, which is needed for the ${purpose}.`);
}
