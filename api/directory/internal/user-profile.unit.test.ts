import type { Entry } from 'ldapts';
import { describe, expect, it } from 'vitest';

import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import { immutableIdOf, userProfileOf } from './user-profile';

const config = {
  loginProperty: 'sAMAccountName', emailProperty: 'mail', displayNameProperty: 'displayName',
  phoneProperty: 'telephoneNumber', upnProperty: 'userPrincipalName', immutableIdProperty: 'objectGUID',
} as LdapDirectoryConnectorConfig;

describe('user profile mapping', () => {
  it('maps the configured attributes, matching attribute names in any case', () => {
    const entry: Entry = {
      dn: 'CN=Alice Example,OU=Staff,DC=corp,DC=example,DC=com',
      samaccountname: 'alice', MAIL: 'alice@example.com', displayName: 'Alice Example',
      telephoneNumber: ['+1 555 0100', '+1 555 0101'], userPrincipalName: 'alice@corp.example.com',
      objectGUID: Buffer.from('f1e2d3c4b5a6978800ff7f8081fefdfc', 'hex'),
    };
    expect(userProfileOf(entry, config, 'ALICE')).toEqual({
      dn: entry.dn, username: 'alice', email: 'alice@example.com', displayName: 'Alice Example',
      phone: '+1 555 0100', upn: 'alice@corp.example.com', immutableId: '8eLTxLWml4gA/3+Agf79/A==',
    });
  });

  it('falls back to cn, then the username, for the display name; email may be missing', () => {
    expect(userProfileOf({ dn: 'uid=bob', sAMAccountName: 'bob', cn: 'Bob Builder' }, config)).toEqual({ dn: 'uid=bob', username: 'bob', email: null, displayName: 'Bob Builder' });
    expect(userProfileOf({ dn: 'uid=carl', sAMAccountName: 'carl', displayName: [] }, config).displayName).toBe('carl');
  });

  it('picks the login value the user typed when there are several', () => {
    expect(userProfileOf({ dn: 'uid=a', sAMAccountName: ['alice', 'ally'] }, config, 'Ally').username).toBe('ally');
  });

  it('base64s the raw GUID bytes, never the GUID text (the M365 ImmutableID)', () => {
    // 16 bytes that happen to be valid UTF-8: ldapts would decode them as text without explicitBufferAttributes.
    const ascii = Buffer.from('ABCDEFGHIJKLMNOP');
    expect(immutableIdOf({ dn: 'x', objectGUID: ascii }, 'objectGUID')).toBe('QUJDREVGR0hJSktMTU5PUA==');
    expect(immutableIdOf({ dn: 'x', objectguid: 'ABCDEFGHIJKLMNOP' }, 'objectGUID')).toBe('QUJDREVGR0hJSktMTU5PUA==');
  });

  it("turns an entryUUID into its 16 bytes, so it has a GUID's shape", () => {
    expect(immutableIdOf({ dn: 'x', entryUUID: 'c39d0bce-7db5-1041-9c29-37bb60432728' }, 'entryUUID')).toBe(
      Buffer.from('c39d0bce7db510419c2937bb60432728', 'hex').toString('base64'),
    );
  });

  it('leaves the ImmutableID out when the attribute is empty or not mapped', () => {
    expect(immutableIdOf({ dn: 'x', objectGUID: [] }, 'objectGUID')).toBeUndefined();
    expect(immutableIdOf({ dn: 'x', objectGUID: Buffer.from('ab') }, undefined)).toBeUndefined();
  });
});
