import type { DirectoryFailureReason } from '../directory-failure';

/** A bind diagnostic turned into a reason and an admin sentence. */
export interface DiagnosticMeaning {
  reason: DirectoryFailureReason;
  adminMessage: string;
  /** Active Directory's `data` sub-code (e.g. "775"), when that is where the meaning came from. */
  subCode?: string;
}

// Win32 error codes Active Directory (and Samba AD, AD LDS, Azure AD DS) put after "data" in a
// failed bind's diagnostic, e.g. "80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext
// error, data 52e, v4563".
const subCodes: Record<string, [DirectoryFailureReason, string]> = {
  '525': ['USER_NOT_FOUND', 'Active Directory has no user with this name (525).'],
  '52e': ['INVALID_CREDENTIALS', 'Active Directory says the password is wrong (52e).'],
  '52f': ['ACCOUNT_RESTRICTED', 'An account restriction in Active Directory prevents this sign-in (52f).'],
  '530': ['NOT_PERMITTED_TIME', 'Active Directory does not allow this account to sign in at this time (530).'],
  '531': ['NOT_PERMITTED_WORKSTATION', 'Active Directory does not allow this account to sign in from this computer (531).'],
  '532': ['PASSWORD_EXPIRED', 'The password has expired in Active Directory (532).'],
  '533': ['ACCOUNT_DISABLED', 'The account is disabled in Active Directory (533).'],
  '534': ['ACCOUNT_RESTRICTED', 'Active Directory has not granted this account the requested logon type (534).'],
  '568': ['ACCOUNT_RESTRICTED', 'The account belongs to too many groups for Active Directory to sign it in (568).'],
  '701': ['ACCOUNT_EXPIRED', 'The account has expired in Active Directory (701).'],
  '773': ['MUST_CHANGE_PASSWORD', 'Active Directory requires the user to change their password before signing in (773).'],
  '775': ['ACCOUNT_LOCKED', 'The account is locked out in Active Directory (775).'],
  // AD LDS (ADAM) answers ERROR_FILE_NOT_FOUND for an unknown bind name.
  '2030': ['USER_NOT_FOUND', 'AD LDS has no user with this name (2030).'],
};

/**
 * Reads the Win32 sub-code from an Active Directory bind diagnostic. Handles the formats of
 * Windows 2003 to 2022 and Samba (upper or lower case hex, leading zeros, AD's trailing NUL).
 */
export function activeDirectoryMeaning(diagnostic: string): DiagnosticMeaning | undefined {
  const match = /\bdata\s+0*([0-9a-f]{1,8})\b/i.exec(diagnostic);
  if (!match || !/AcceptSecurityContext|LdapErr/i.test(diagnostic)) return undefined;
  const subCode = match[1]!.toLowerCase();
  const known = subCodes[subCode];
  if (!known) return undefined;
  return { reason: known[0], adminMessage: known[1], subCode };
}

// What other directory servers say in a failed bind's diagnostic. 389 Directory Server / Red Hat
// DS word their password policy outcomes; eDirectory gives NetWare completion codes, whose
// wording varies by version while the number stays.
const serverMessages: [RegExp, DirectoryFailureReason, string][] = [
  [/account inactivated/i, 'ACCOUNT_DISABLED', 'The directory says the account is inactivated.'],
  [/exceed password retry limit|account (?:is )?locked/i, 'ACCOUNT_LOCKED', 'The directory says the account is locked.'],
  [/password (?:has )?expired/i, 'PASSWORD_EXPIRED', 'The directory says the password has expired.'],
  [/must (?:be )?change|must_change|reset your password/i, 'MUST_CHANGE_PASSWORD', 'The directory requires a password change before sign-in.'],
  [/\(-197\)/, 'ACCOUNT_LOCKED', 'eDirectory intruder detection has locked the account (-197).'],
  [/\(-218\)/, 'NOT_PERMITTED_TIME', 'eDirectory does not allow this account to sign in at this time (-218).'],
  [/\(-219\)/, 'NOT_PERMITTED_WORKSTATION', 'eDirectory does not allow this account to sign in from this address (-219).'],
  // eDirectory answers -220 both for an expired account and for "Login Disabled".
  [/\(-220\)/, 'ACCOUNT_DISABLED', 'The account is disabled or has expired in eDirectory (-220).'],
  [/\(-222\)/, 'PASSWORD_EXPIRED', 'The password has expired in eDirectory and no grace logins are left (-222).'],
  [/\(-669\)/, 'INVALID_CREDENTIALS', 'eDirectory says the password is wrong (-669).'],
];

/** Reads a failed bind's diagnostic from any directory: Active Directory first, then the others. */
export function bindDiagnosticMeaning(diagnostic: string): DiagnosticMeaning | undefined {
  const fromActiveDirectory = activeDirectoryMeaning(diagnostic);
  if (fromActiveDirectory) return fromActiveDirectory;
  for (const [pattern, reason, adminMessage] of serverMessages) {
    if (pattern.test(diagnostic)) return { reason, adminMessage };
  }
  return undefined;
}
