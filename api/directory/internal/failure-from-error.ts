import { ResultCodeError } from 'ldapts';

import { isAppError } from '../../errors';
import { directoryFailure, type DirectoryFailure } from '../directory-failure';
import type { DirectorySecurity } from '../directory-type-defaults';
import { describeConnectError } from './connect-errors';
import { AllHostsFailedError } from './host-failover';
import { DirectoryTimeoutError } from './with-timeout';

/** The server's diagnostic message of an LDAP result, without ldapts' " Code: 0x31" suffix and AD's trailing NUL. */
export function diagnosticOf(error: ResultCodeError): string {
  return error.message.replace(/\s*Code: 0x[0-9a-f]+$/i, '').replace(/\0+$/, '').trim();
}

/** True for errors that may have left the connection unusable: anything but an LDAP result. */
export function isConnectionError(error: unknown): boolean {
  return !(error instanceof ResultCodeError) && !isAppError(error);
}

/**
 * True when a failed operation can be retried once on a fresh connection: the old one broke
 * (e.g. the server closed an idle connection). Not after a timeout, and not when opening a
 * connection failed, since every host was tried already.
 */
export function isRetryable(error: unknown): boolean {
  if (!isConnectionError(error) || error instanceof AllHostsFailedError || error instanceof DirectoryTimeoutError) return false;
  return !/timed out/i.test((error as Error).message ?? '');
}

/**
 * Turns anything thrown while reaching or using a directory into a failure an admin can act on.
 * `during` names the operation ("searching for the user") for the sentence.
 */
export function failureFromError(error: unknown, during: string, security: DirectorySecurity): DirectoryFailure {
  if (isAppError(error)) {
    switch (error.code) {
      case 'DIRECTORY_BUSY':
        return directoryFailure('DIRECTORY_BUSY', { adminMessage: error.message });
      case 'DIRECTORY_CLOSED':
        return directoryFailure('DIRECTORY_CLOSED');
      case 'DIRECTORY_BIND_FAILED': {
        const diagnostic = (error.details?.diagnostic as string | undefined) || undefined;
        const resultCode = error.details?.resultCode;
        if (resultCode === 8 || resultCode === 13) return directoryFailure('CONFIDENTIALITY_REQUIRED', { diagnostic });
        return directoryFailure('SERVICE_BIND_FAILED', { adminMessage: error.message, diagnostic });
      }
      case 'DIRECTORY_TIMEOUT':
        return directoryFailure('DIRECTORY_TIMEOUT', { adminMessage: error.message });
      default:
        return directoryFailure('DIRECTORY_ERROR', { adminMessage: error.message });
    }
  }
  if (error instanceof AllHostsFailedError) {
    const problems = error.failures.map(({ host, error: cause }) => describeConnectError(cause, host, security));
    const adminMessage = problems.map((problem) => problem.sentence).join(' ');
    if (problems.some((problem) => problem.kind === 'certificate')) return directoryFailure('TLS_FAILED', { adminMessage });
    if (problems.every((problem) => problem.kind === 'timeout')) return directoryFailure('DIRECTORY_TIMEOUT', { adminMessage });
    return directoryFailure('DIRECTORY_UNREACHABLE', { adminMessage });
  }
  if (error instanceof ResultCodeError) {
    const diagnostic = diagnosticOf(error) || undefined;
    switch (error.code) {
      case 3:
        return directoryFailure('DIRECTORY_TIMEOUT', { adminMessage: `The directory gave up ${during}: time limit exceeded.`, diagnostic });
      case 8:
      case 13:
        return directoryFailure('CONFIDENTIALITY_REQUIRED', { diagnostic });
      case 32:
        return directoryFailure('BASE_DN_NOT_FOUND', { diagnostic });
      case 51:
      case 52:
        return directoryFailure('DIRECTORY_UNREACHABLE', { adminMessage: `The directory is busy or unavailable (${during}).`, diagnostic });
      default:
        return directoryFailure('DIRECTORY_ERROR', { adminMessage: `The directory returned error ${error.code} ${during}.`, diagnostic });
    }
  }
  const message = (error as Error).message ?? String(error);
  if (error instanceof DirectoryTimeoutError || /timed out/i.test(message)) {
    return directoryFailure('DIRECTORY_TIMEOUT', { adminMessage: `The directory did not answer in time ${during}.` });
  }
  return directoryFailure('DIRECTORY_UNREACHABLE', { adminMessage: `The connection to the directory broke ${during}: ${message}` });
}
