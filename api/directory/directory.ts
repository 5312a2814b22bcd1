import type { ConnectionTestOptions, ConnectionTestReport } from './connection-test-report';
import type { DirectoryFailure } from './directory-failure';
import type { DirectoryType } from './directory-type-defaults';

/** A directory user as a connector maps them. */
export interface DirectoryUserProfile {
  dn: string;
  /** The login property's value as the directory stores it (its case, not the user's typing). */
  username: string;
  /** Null when the user has no value in the mapped email attribute. */
  email: string | null;
  /** The mapped display name, else cn, else the username. */
  displayName: string;
  phone?: string;
  /** Sent to Microsoft 365 as IDPEmail. */
  upn?: string;
  /** Base64 of the ImmutableID source's raw bytes (16 for a GUID): Microsoft 365's NameID. */
  immutableId?: string;
}

/** Password policy news that came with a successful sign-in. */
export interface PasswordWarning {
  expiresInSeconds?: number;
  graceLoginsRemaining?: number;
}

/** A first-factor check: the user's profile, or why not (as data, never thrown). */
export type AuthenticationResult =
  | { ok: true; profile: DirectoryUserProfile; passwordWarning?: PasswordWarning }
  | DirectoryFailure;

/** A lookup by login name: the user's profile, or why not. */
export type UserLookupResult = { ok: true; profile: DirectoryUserProfile } | DirectoryFailure;

/**
 * A place users sign in against: an LDAP directory (see `createLdapDirectory`) or the built-in
 * directory. Methods never throw for directory trouble; they return failures as data.
 */
export interface Directory {
  readonly type: DirectoryType;
  /** Checks a username and password (first factor) and returns the user's mapped profile. */
  authenticate(username: string, password: string): Promise<AuthenticationResult>;
  /** Finds one user by login name without a password (enrollment, token packs). */
  findUser(username: string): Promise<UserLookupResult>;
  /** Runs the connection test an admin starts from the dashboard. */
  test(options?: ConnectionTestOptions): Promise<ConnectionTestReport>;
  /** Ends every connection; later calls fail with DIRECTORY_CLOSED. */
  close(): Promise<void>;
}
