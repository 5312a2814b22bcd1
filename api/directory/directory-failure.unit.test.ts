import { describe, expect, it } from 'vitest';

import { directoryFailure, directoryFailureError, isInfrastructureFailure, type DirectoryFailureReason } from './directory-failure';

const credentialReasons: DirectoryFailureReason[] = [
  'INVALID_CREDENTIALS', 'USER_NOT_FOUND', 'AMBIGUOUS_USER', 'ACCOUNT_DISABLED', 'ACCOUNT_LOCKED', 'ACCOUNT_EXPIRED',
  'ACCOUNT_RESTRICTED', 'PASSWORD_EXPIRED', 'MUST_CHANGE_PASSWORD', 'NOT_PERMITTED_TIME', 'NOT_PERMITTED_WORKSTATION',
];

describe('directory failures', () => {
  it('tells the user the same thing for every credential or account reason', () => {
    const messages = new Set(credentialReasons.map((reason) => directoryFailure(reason).message));
    expect(messages).toEqual(new Set(['The username or password is not correct.']));
    expect(credentialReasons.some(isInfrastructureFailure)).toBe(false);
  });

  it('tells the user to come back later when the directory is the problem', () => {
    for (const reason of ['DIRECTORY_UNREACHABLE', 'DIRECTORY_TIMEOUT', 'SERVICE_BIND_FAILED', 'TLS_FAILED'] as const) {
      expect(directoryFailure(reason).message).toMatch(/not available right now/);
      expect(isInfrastructureFailure(reason)).toBe(true);
    }
  });

  it('gives admins a specific sentence, overridable with details', () => {
    expect(directoryFailure('ACCOUNT_LOCKED').adminMessage).toBe('The account is locked out after too many wrong passwords.');
    expect(directoryFailure('ACCOUNT_LOCKED', { adminMessage: 'Locked (775).', diagnostic: 'data 775' })).toEqual({
      ok: false, reason: 'ACCOUNT_LOCKED', message: 'The username or password is not correct.', adminMessage: 'Locked (775).', diagnostic: 'data 775',
    });
  });

  it('becomes an AppError that does not reveal whether the user exists', () => {
    const unknown = directoryFailureError(directoryFailure('USER_NOT_FOUND'));
    const wrong = directoryFailureError(directoryFailure('INVALID_CREDENTIALS'));
    expect([unknown.code, unknown.message, unknown.details]).toEqual([wrong.code, wrong.message, wrong.details]);
    expect(unknown).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401, expose: true });
    expect(unknown.cause).toMatchObject({ reason: 'USER_NOT_FOUND' });
    expect(directoryFailureError(directoryFailure('TLS_FAILED'))).toMatchObject({ code: 'DIRECTORY_TLS_FAILED', status: 502 });
    expect(directoryFailureError(directoryFailure('BASE_DN_NOT_FOUND')).code).toBe('DIRECTORY_BASE_DN_NOT_FOUND');
    expect(directoryFailureError(directoryFailure('MISSING_CREDENTIALS'))).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Enter your username and password.' });
  });
});
