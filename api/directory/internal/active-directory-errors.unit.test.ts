import { InvalidCredentialsError } from 'ldapts';
import { describe, expect, it } from 'vitest';

import { activeDirectoryMeaning, bindDiagnosticMeaning } from './active-directory-errors';
import { diagnosticOf } from './failure-from-error';

// Diagnostic messages as Active Directory versions (and Samba AD, AD LDS) send them with a
// failed simple bind (result 49). The DSID and trailing version token differ per build.
const activeDirectoryMessages: [source: string, message: string, reason: string, subCode: string][] = [
  ['Windows Server 2003', '80090308: LdapErr: DSID-0C090334, comment: AcceptSecurityContext error, data 52e, vece', 'INVALID_CREDENTIALS', '52e'],
  ['Windows Server 2008 R2', '80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 525, v1db1', 'USER_NOT_FOUND', '525'],
  ['Windows Server 2012 R2', '80090308: LdapErr: DSID-0C0903C5, comment: AcceptSecurityContext error, data 530, v2580', 'NOT_PERMITTED_TIME', '530'],
  ['Windows Server 2012 R2', '80090308: LdapErr: DSID-0C0903C5, comment: AcceptSecurityContext error, data 531, v2580', 'NOT_PERMITTED_WORKSTATION', '531'],
  ['Windows Server 2016', '80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 532, v2580', 'PASSWORD_EXPIRED', '532'],
  ['Windows Server 2016', '80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 533, v2580', 'ACCOUNT_DISABLED', '533'],
  ['Windows Server 2019', '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563', 'INVALID_CREDENTIALS', '52e'],
  ['Windows Server 2019', '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 701, v4563', 'ACCOUNT_EXPIRED', '701'],
  ['Windows Server 2019 (logon denied)', '8009030C: LdapErr: DSID-0C0906B5, comment: AcceptSecurityContext error, data 773, v4563', 'MUST_CHANGE_PASSWORD', '773'],
  ['Windows Server 2022', '80090308: LdapErr: DSID-0C090569, comment: AcceptSecurityContext error, data 775, v4f7c', 'ACCOUNT_LOCKED', '775'],
  ['Azure AD DS', '8009030C: LdapErr: DSID-0C0906B5, comment: AcceptSecurityContext error, data 52e, v4563\u0000', 'INVALID_CREDENTIALS', '52e'],
  ['Samba AD', '80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 52e, v1db1', 'INVALID_CREDENTIALS', '52e'],
  ['AD LDS', '8009030C: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data 2030, v1db1', 'USER_NOT_FOUND', '2030'],
  ['upper-case hex', '80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 52E, v2580', 'INVALID_CREDENTIALS', '52e'],
];

describe('Active Directory bind diagnostics', () => {
  it.each(activeDirectoryMessages)('%s: %s → %s', (_source, message, reason, subCode) => {
    expect(activeDirectoryMeaning(message)).toMatchObject({ reason, subCode });
  });

  it('gives every known sub-code a sentence an admin can read, with the code in it', () => {
    for (const [, message, , subCode] of activeDirectoryMessages) {
      expect(activeDirectoryMeaning(message)?.adminMessage).toMatch(new RegExp(`\\(${subCode}\\)\\.$`));
    }
  });

  it('reads the message out of an ldapts error, without its code suffix or AD trailing NUL', () => {
    const error = new InvalidCredentialsError('80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563\u0000');
    expect(error.message).toMatch(/Code: 0x31$/);
    const diagnostic = diagnosticOf(error);
    expect(diagnostic).toBe('80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563');
    expect(activeDirectoryMeaning(diagnostic)?.reason).toBe('ACCOUNT_LOCKED');
  });

  it('does not invent a meaning for messages without a known sub-code', () => {
    expect(activeDirectoryMeaning('')).toBeUndefined();
    expect(activeDirectoryMeaning('Invalid credentials')).toBeUndefined();
    // LDAP signing required: a result code matter (8), not a bind sub-code.
    expect(
      activeDirectoryMeaning('00002028: LdapErr: DSID-0C090259, comment: The server requires binds to turn on integrity checking if SSL\\TLS are not already active on the connection, data 0, v4563'),
    ).toBeUndefined();
    expect(activeDirectoryMeaning('80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 12345, v4563')).toBeUndefined();
  });
});

describe('other directory servers', () => {
  it.each([
    ['389 DS inactivated account', 'Account inactivated. Contact system administrator.', 'ACCOUNT_DISABLED'],
    ['389 DS lockout', 'Exceed password retry limit. Please try later.', 'ACCOUNT_LOCKED'],
    ['389 DS expired password', 'password expired!', 'PASSWORD_EXPIRED'],
    ['eDirectory intruder lockout', 'NDS error: login lockout (-197)', 'ACCOUNT_LOCKED'],
    ['eDirectory time restriction', 'NDS error: bad login time (-218)', 'NOT_PERMITTED_TIME'],
    ['eDirectory disabled or expired account', 'NDS error: log account expired (-220)', 'ACCOUNT_DISABLED'],
    ['eDirectory password expired', 'NDS error: bad password (-222)', 'PASSWORD_EXPIRED'],
    ['eDirectory wrong password', 'NDS error: failed authentication (-669)', 'INVALID_CREDENTIALS'],
  ])('%s', (_source, message, reason) => {
    expect(bindDiagnosticMeaning(message)?.reason).toBe(reason);
  });

  it('prefers the Active Directory sub-code over wording', () => {
    expect(bindDiagnosticMeaning('80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563')?.subCode).toBe('775');
  });
});
