import { AppError, type ErrorCode } from '../errors';

/**
 * Why a sign-in or user lookup failed, for admins and the audit trail. Users never see it: they
 * get {@link DirectoryFailure.message}, which is the same for every credential or account
 * problem so that nobody can learn which usernames exist.
 */
export type DirectoryFailureReason =
  | 'MISSING_CREDENTIALS'
  | 'INVALID_CREDENTIALS'
  | 'USER_NOT_FOUND'
  | 'AMBIGUOUS_USER'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_EXPIRED'
  | 'ACCOUNT_RESTRICTED'
  | 'PASSWORD_EXPIRED'
  | 'MUST_CHANGE_PASSWORD'
  | 'NOT_PERMITTED_TIME'
  | 'NOT_PERMITTED_WORKSTATION'
  | 'DIRECTORY_UNREACHABLE'
  | 'DIRECTORY_TIMEOUT'
  | 'DIRECTORY_BUSY'
  | 'TLS_FAILED'
  | 'CONFIDENTIALITY_REQUIRED'
  | 'SERVICE_BIND_FAILED'
  | 'BASE_DN_NOT_FOUND'
  | 'DIRECTORY_CLOSED'
  | 'DIRECTORY_ERROR';

/** A failed sign-in or lookup: plain data, safe to record in an event. */
export interface DirectoryFailure {
  ok: false;
  reason: DirectoryFailureReason;
  /** Safe to show the person signing in. */
  message: string;
  /** One plain sentence for the admin: what happened. */
  adminMessage: string;
  /** The directory's own words (e.g. an Active Directory diagnostic), when it gave any. */
  diagnostic?: string;
}

const credentialsMessage = 'The username or password is not correct.';
const unavailableMessage = 'Sign-in is not available right now. Try again in a few minutes, or contact your IT help desk.';

const reasons: Record<DirectoryFailureReason, { user: string; admin: string }> = {
  MISSING_CREDENTIALS: { user: 'Enter your username and password.', admin: 'The username or password was empty; the directory was not asked.' },
  INVALID_CREDENTIALS: { user: credentialsMessage, admin: 'The password is wrong.' },
  USER_NOT_FOUND: { user: credentialsMessage, admin: 'No user with this username was found in the directory.' },
  AMBIGUOUS_USER: { user: credentialsMessage, admin: 'Several directory entries match this username, so none was used.' },
  ACCOUNT_DISABLED: { user: credentialsMessage, admin: 'The account is disabled in the directory.' },
  ACCOUNT_LOCKED: { user: credentialsMessage, admin: 'The account is locked out after too many wrong passwords.' },
  ACCOUNT_EXPIRED: { user: credentialsMessage, admin: 'The account has expired.' },
  ACCOUNT_RESTRICTED: { user: credentialsMessage, admin: 'An account restriction in the directory prevents this sign-in.' },
  PASSWORD_EXPIRED: { user: credentialsMessage, admin: 'The password has expired; the user must set a new one.' },
  MUST_CHANGE_PASSWORD: { user: credentialsMessage, admin: 'The password was reset and the user must change it before signing in.' },
  NOT_PERMITTED_TIME: { user: credentialsMessage, admin: 'The account may not sign in at this time of day.' },
  NOT_PERMITTED_WORKSTATION: { user: credentialsMessage, admin: 'The account may only sign in from certain computers.' },
  DIRECTORY_UNREACHABLE: { user: unavailableMessage, admin: 'None of the directory servers could be reached.' },
  DIRECTORY_TIMEOUT: { user: unavailableMessage, admin: 'The directory did not answer in time.' },
  DIRECTORY_BUSY: { user: unavailableMessage, admin: 'All connections to the directory were busy for too long.' },
  TLS_FAILED: { user: unavailableMessage, admin: "The secure connection failed: the directory's certificate was not accepted." },
  CONFIDENTIALITY_REQUIRED: { user: unavailableMessage, admin: 'The directory refuses passwords over an unencrypted connection; choose StartTLS or LDAPS.' },
  SERVICE_BIND_FAILED: { user: unavailableMessage, admin: 'The directory rejected the service account; check its DN and password.' },
  BASE_DN_NOT_FOUND: { user: unavailableMessage, admin: 'The base DN does not exist, or the service account may not read it.' },
  DIRECTORY_CLOSED: { user: unavailableMessage, admin: 'This connector version was closed (it was edited or deleted); the sign-in did not reach the directory.' },
  DIRECTORY_ERROR: { user: unavailableMessage, admin: 'The directory returned an unexpected error.' },
};

/** Builds a failure; `adminMessage` overrides the reason's default sentence. */
export function directoryFailure(
  reason: DirectoryFailureReason,
  options: { adminMessage?: string; diagnostic?: string } = {},
): DirectoryFailure {
  const failure: DirectoryFailure = {
    ok: false,
    reason,
    message: reasons[reason].user,
    adminMessage: options.adminMessage ?? reasons[reason].admin,
  };
  if (options.diagnostic) failure.diagnostic = options.diagnostic;
  return failure;
}

/** True when the failure is about the directory or its connector, not about the user. */
export function isInfrastructureFailure(reason: DirectoryFailureReason): boolean {
  return reasons[reason].user === unavailableMessage;
}

const errorCodeOf: Partial<Record<DirectoryFailureReason, ErrorCode>> = {
  MISSING_CREDENTIALS: 'BAD_USER_INPUT',
  DIRECTORY_UNREACHABLE: 'DIRECTORY_UNREACHABLE',
  DIRECTORY_ERROR: 'DIRECTORY_UNREACHABLE',
  DIRECTORY_TIMEOUT: 'DIRECTORY_TIMEOUT',
  DIRECTORY_BUSY: 'DIRECTORY_BUSY',
  TLS_FAILED: 'DIRECTORY_TLS_FAILED',
  CONFIDENTIALITY_REQUIRED: 'DIRECTORY_BIND_FAILED',
  SERVICE_BIND_FAILED: 'DIRECTORY_BIND_FAILED',
  BASE_DN_NOT_FOUND: 'DIRECTORY_BASE_DN_NOT_FOUND',
  DIRECTORY_CLOSED: 'DIRECTORY_CLOSED',
};

/**
 * The AppError to throw where a failure must cross a boundary as an error (a GraphQL mutation,
 * an enrollment step). Every credential or account reason becomes INVALID_CREDENTIALS with the
 * generic message, so the wire never tells which usernames exist; the failure itself (reason,
 * admin sentence) rides along as `cause`, for logs only.
 */
export function directoryFailureError(failure: DirectoryFailure): AppError {
  const code = errorCodeOf[failure.reason] ?? 'INVALID_CREDENTIALS';
  const message = code === 'INVALID_CREDENTIALS' || code === 'BAD_USER_INPUT' ? failure.message : undefined;
  return new AppError(code, message, undefined, { cause: failure });
}
