import { AndFilter, type Client, EqualityFilter, type Entry, type Filter } from 'ldapts';

import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import { directoryFailure, type DirectoryFailure } from '../directory-failure';
import { isActiveDirectoryType } from '../directory-type-defaults';
import { parseLdapFilter } from './ldap-filter';

/** How to look users up in one connector, worked out once per connector version. */
export interface UserSearch {
  baseDn: string;
  loginProperty: string;
  /** objectClass (and objectCategory=person on AD) plus the admin's extra filter. */
  userFilter: Filter;
  attributes: string[];
  explicitBufferAttributes: string[];
  timeLimitSeconds: number;
}

/** Operational ppolicy attributes that tell an admin lock from a lockout or an end date. */
export const passwordPolicyStateAttributes = ['pwdAccountLockedTime', 'pwdStartTime', 'pwdEndTime'];

/** Prepares the user search for a connector. */
export function prepareUserSearch(config: LdapDirectoryConnectorConfig): UserSearch {
  const activeDirectory = isActiveDirectoryType(config.type);
  const parts: Filter[] = [new EqualityFilter({ attribute: 'objectClass', value: config.userObjectClass })];
  if (activeDirectory) parts.unshift(new EqualityFilter({ attribute: 'objectCategory', value: 'person' }));
  if (config.userFilter) parts.push(parseLdapFilter(config.userFilter));
  const mapped = [config.loginProperty, config.emailProperty, config.displayNameProperty, 'cn', config.phoneProperty, config.upnProperty, config.immutableIdProperty];
  const attributes = [...new Set(mapped.filter((name): name is string => Boolean(name)))];
  if (!activeDirectory) attributes.push(...passwordPolicyStateAttributes);
  const immutable = config.immutableIdProperty;
  return {
    baseDn: config.baseDn,
    loginProperty: config.loginProperty,
    userFilter: parts.length === 1 ? parts[0]! : new AndFilter({ filters: parts }),
    attributes,
    // ldapts matches these names case-sensitively against the name the server returns.
    explicitBufferAttributes: immutable ? [...new Set([immutable, immutable.toLowerCase(), 'objectGUID', 'mS-DS-ConsistencyGuid'])] : [],
    timeLimitSeconds: Math.max(1, Math.ceil(config.operationTimeoutMs / 1000)),
  };
}

/**
 * The username as it may be looked up, or a failure when no directory name could match. The
 * value goes into an EqualityFilter as raw bytes on the wire, so `*)(uid=*` is a literal name,
 * never filter syntax (RFC 4511 carries the assertion value as an OCTET STRING; RFC 4515
 * escaping only exists for the string form, which ldapts' `toString` applies).
 */
export function normalizeUsername(username: string): string | DirectoryFailure {
  const trimmed = username.trim();
  if (trimmed === '') return directoryFailure('MISSING_CREDENTIALS');
  if (trimmed.length > 256 || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    return directoryFailure('USER_NOT_FOUND', { adminMessage: 'The username is too long or contains control characters, so no directory entry can match it.' });
  }
  return trimmed;
}

/** The filter that finds the user whose login property equals `username`. */
export function userLookupFilter(search: UserSearch, username: string): Filter {
  return new AndFilter({ filters: [search.userFilter, new EqualityFilter({ attribute: search.loginProperty, value: username })] });
}

/**
 * Finds exactly one user (sizeLimit 2 is enough to tell one from several). Zero and several
 * matches are different reasons for the admin and the same message for the user.
 */
export async function findUserEntry(client: Client, search: UserSearch, username: string): Promise<{ ok: true; entry: Entry } | DirectoryFailure> {
  const { searchEntries } = await client.search(search.baseDn, {
    scope: 'sub',
    filter: userLookupFilter(search, username),
    attributes: search.attributes,
    explicitBufferAttributes: search.explicitBufferAttributes,
    sizeLimit: 2,
    timeLimit: search.timeLimitSeconds,
  });
  if (searchEntries.length === 1) return { ok: true, entry: searchEntries[0]! };
  if (searchEntries.length === 0) {
    return directoryFailure('USER_NOT_FOUND', {
      adminMessage: `No user has ${search.loginProperty} = '${username}' under ${search.baseDn}${describeFilter(search)}.`,
    });
  }
  return directoryFailure('AMBIGUOUS_USER', {
    adminMessage: `Several entries have ${search.loginProperty} = '${username}' (${searchEntries.map((entry) => entry.dn).join('; ')}); make the login property unique or narrow the user filter.`,
  });
}

function describeFilter(search: UserSearch): string {
  return ` matching ${search.userFilter.toString()}`;
}
