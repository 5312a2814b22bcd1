import type { Sealed } from '../../crypto';

/** A user of a built-in directory as an admin edits them. */
export interface DirectoryUserFields {
  email: string;
  displayName: string;
  phone: string | null;
  /** Base64 of 16 bytes; Microsoft 365's ImmutableID for this user. */
  immutableId: string;
  enabled: boolean;
}

/**
 * One stream per built-in directory user (`directoryUser-<tenant>-<connectorId>.<key>`, the
 * key derived from the lower-cased username so a username is unique per connector).
 */
export type DirectoryUserEvent =
  | { type: 'DirectoryUserAdded'; data: { connectorId: string; userId: string; username: string } & DirectoryUserFields }
  | { type: 'DirectoryUserUpdated'; data: { connectorId: string; userId: string } & DirectoryUserFields }
  | { type: 'DirectoryUserRemoved'; data: { connectorId: string; userId: string } }
  | { type: 'PasswordSet'; data: { connectorId: string; userId: string; passwordHash: Sealed; by: 'admin' | 'user' } }
  | { type: 'PasswordLinkIssued'; data: { connectorId: string; userId: string; email: string; tokenHash: string; link: Sealed; expiresAt: string } };

/** Seal context of the emailed password link (a bearer secret until used). */
export const PASSWORD_LINK_SEAL_CONTEXT = 'directoryUser:passwordLink';

export const directoryUserEventTypes = ['DirectoryUserAdded', 'DirectoryUserUpdated', 'DirectoryUserRemoved', 'PasswordSet', 'PasswordLinkIssued'] as const;
