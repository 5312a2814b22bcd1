import { type Client, type Entry, ResultCodeError } from 'ldapts';

import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import { directoryFailure, type DirectoryFailure } from '../directory-failure';
import type { PasswordWarning } from '../directory';
import { isActiveDirectoryType } from '../directory-type-defaults';
import { bindDiagnosticMeaning } from './active-directory-errors';
import { diagnosticOf } from './failure-from-error';
import { PasswordPolicyControl, type PasswordPolicyResponse } from './password-policy-control';
import { firstText } from './user-profile';

export type UserBindResult = { ok: true; passwordWarning?: PasswordWarning } | DirectoryFailure;

/**
 * Binds as the user found by the search. LDAP result codes become reasons (Active Directory
 * sub-codes, the ppolicy response control, other servers' wording); errors of the connection
 * itself are thrown for the caller to retry or report. The password must not be empty: a simple
 * bind with an empty password is an anonymous bind that "succeeds" (RFC 4513 5.1.2).
 */
export async function bindAsUser(client: Client, config: LdapDirectoryConnectorConfig, entry: Entry, password: string): Promise<UserBindResult> {
  if (password === '') return directoryFailure('MISSING_CREDENTIALS');
  const policy = isActiveDirectoryType(config.type) ? undefined : new PasswordPolicyControl();
  try {
    await client.bind(entry.dn, password, policy ? [policy] : undefined);
  } catch (error) {
    if (!(error instanceof ResultCodeError)) throw error;
    return bindFailure(error, entry, policy?.response);
  }
  const response = policy?.response;
  if (response?.error === 'changeAfterReset') {
    return directoryFailure('MUST_CHANGE_PASSWORD', { adminMessage: 'The password was reset by an administrator and must be changed before signing in (password policy).' });
  }
  if (response?.error === 'passwordExpired') return directoryFailure('PASSWORD_EXPIRED');
  const warning: PasswordWarning = {};
  if (response?.timeBeforeExpiration !== undefined) warning.expiresInSeconds = response.timeBeforeExpiration;
  if (response?.graceAuthNsRemaining !== undefined) warning.graceLoginsRemaining = response.graceAuthNsRemaining;
  return Object.keys(warning).length > 0 ? { ok: true, passwordWarning: warning } : { ok: true };
}

function bindFailure(error: ResultCodeError, entry: Entry, policy: PasswordPolicyResponse | undefined): DirectoryFailure {
  const diagnostic = diagnosticOf(error) || undefined;
  if (policy?.error === 'accountLocked') return lockedFailure(entry, diagnostic);
  if (policy?.error === 'passwordExpired') return directoryFailure('PASSWORD_EXPIRED', { adminMessage: 'The password has expired under the password policy and no grace logins are left.', diagnostic });
  if (policy?.error === 'changeAfterReset') return directoryFailure('MUST_CHANGE_PASSWORD', { diagnostic });
  const meaning = diagnostic ? bindDiagnosticMeaning(diagnostic) : undefined;
  if (meaning) return directoryFailure(meaning.reason, { adminMessage: meaning.adminMessage, diagnostic });
  switch (error.code) {
    case 49:
      return directoryFailure('INVALID_CREDENTIALS', { diagnostic });
    case 8:
    case 13:
      return directoryFailure('CONFIDENTIALITY_REQUIRED', { diagnostic });
    case 32:
      return directoryFailure('USER_NOT_FOUND', { adminMessage: `The entry ${entry.dn} disappeared between the search and the bind.`, diagnostic });
    case 19:
    case 53:
      return directoryFailure('ACCOUNT_RESTRICTED', { adminMessage: `The directory refused the sign-in (result ${error.code}).`, diagnostic });
    default:
      return directoryFailure('DIRECTORY_ERROR', { adminMessage: `The directory answered the user's bind with error ${error.code}.`, diagnostic });
  }
}

/**
 * ppolicy says "accountLocked" for an admin lock, a lockout, and an account outside its
 * pwdStartTime..pwdEndTime; the entry's operational attributes tell them apart.
 */
function lockedFailure(entry: Entry, diagnostic: string | undefined): DirectoryFailure {
  const lockedAt = firstText(entry, 'pwdAccountLockedTime');
  const start = generalizedTime(firstText(entry, 'pwdStartTime'));
  const end = generalizedTime(firstText(entry, 'pwdEndTime'));
  const now = Date.now();
  if (lockedAt === '000001010000Z') {
    return directoryFailure('ACCOUNT_DISABLED', { adminMessage: 'An administrator locked the account permanently (pwdAccountLockedTime 000001010000Z).', diagnostic });
  }
  if (end !== undefined && end <= now) return directoryFailure('ACCOUNT_EXPIRED', { adminMessage: `The account stopped being valid at ${new Date(end).toISOString()} (pwdEndTime).`, diagnostic });
  if (start !== undefined && start > now) return directoryFailure('NOT_PERMITTED_TIME', { adminMessage: `The account only becomes valid at ${new Date(start).toISOString()} (pwdStartTime).`, diagnostic });
  return directoryFailure('ACCOUNT_LOCKED', {
    adminMessage: lockedAt
      ? `The password policy locked the account at ${new Date(generalizedTime(lockedAt) ?? now).toISOString()} after too many wrong passwords.`
      : 'The password policy reports the account as locked.',
    diagnostic,
  });
}

/** Milliseconds since the epoch for an LDAP GeneralizedTime such as 20240131235959Z. */
function generalizedTime(value: string | undefined): number | undefined {
  const match = value && /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})?(\d{2})?(?:[.,]\d+)?Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute = '0', second = '0'] = match.map((part) => part ?? '0');
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
}
