import { BerWriter, EqualityFilter, type Filter } from 'ldapts';
import { describe, expect, it } from 'vitest';

import { LdapFilterSyntaxError, parseLdapFilter } from './ldap-filter';
import { prepareUserSearch, userLookupFilter } from './user-search';
import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';

function ber(filter: Filter): Buffer {
  const writer = new BerWriter();
  filter.write(writer);
  return writer.buffer;
}

describe('parseLdapFilter', () => {
  it.each([
    ['(uid=alice)', '(uid=alice)'],
    ['uid=alice', '(uid=alice)'],
    ['(&(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))', '(&(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))'],
    ['(|(memberOf=cn=mfa,ou=groups,dc=example,dc=com)(department=IT))', '(|(memberOf=cn=mfa,ou=groups,dc=example,dc=com)(department=IT))'],
    ['(memberOf=CN=Staff\\2cOU=Groups,DC=x)', '(memberOf=CN=Staff,OU=Groups,DC=x)'],
    ['(mail=*@example.com)', '(mail=*@example.com)'],
    ['(cn=a*b*c)', '(cn=a*b*c)'],
    ['(mail=*)', '(mail=*)'],
    ['(cn;lang-en=Alice)', '(cn;lang-en=Alice)'],
    ['(2.5.4.3=Alice)', '(2.5.4.3=Alice)'],
    ['(createTimestamp>=20240101000000Z)', '(createTimestamp>=20240101000000Z)'],
    ['(cn:dn:2.4.6.8.10:=Dino)', '(cn:dn:2.4.6.8.10:=Dino)'],
  ])('accepts %s', (text, canonical) => {
    expect(parseLdapFilter(text).toString()).toBe(canonical);
  });

  it('decodes escaped UTF-8 as UTF-8 (ldapts FilterParser turns Zo\\c3\\ab into ZoÃ«)', () => {
    const filter = parseLdapFilter('(cn=Zo\\c3\\ab)') as EqualityFilter;
    expect(filter.value).toBe('Zoë');
  });

  it('sends escaped binary values as raw bytes', () => {
    const filter = parseLdapFilter('(objectGUID=\\f1\\e2\\d3\\c4\\b5\\a6\\97\\88\\00\\ff\\7f\\80\\81\\fe\\fd\\fc)') as EqualityFilter;
    expect(Buffer.isBuffer(filter.value)).toBe(true);
    expect((filter.value as Buffer).toString('hex')).toBe('f1e2d3c4b5a6978800ff7f8081fefdfc');
  });

  it.each([
    ['', /empty/],
    ['(uid=alice', /missing at the end/],
    ['(&(uid=a)', /missing at the end/],
    ['(uid=a))', /text after the last closing parenthesis/],
    ['(uid=a)(uid=b)', /wrap several conditions in \(&\.\.\.\)/],
    ['(&)', /needs at least one condition/],
    ['(uid=fo(o)', /must be escaped as \\28/],
    ['(uid=\\zz)', /two hex digits/],
    ['(=alice)', /attribute name/],
    ['(uid alice)', /expected '=', '~=', '>=' or '<='/],
    ['(cn=a**b)', /two '\*' in a row/],
    ['(cn>=a*)', /only allowed with '='/],
    ['(!uid=a)', /followed by a condition in parentheses/],
  ])('rejects %j with a message that says what to fix', (text, message) => {
    expect(() => parseLdapFilter(text)).toThrow(LdapFilterSyntaxError);
    expect(() => parseLdapFilter(text)).toThrow(message);
  });
});

describe('the user lookup filter', () => {
  const config = {
    type: 'OPENLDAP', baseDn: 'dc=example,dc=com', loginProperty: 'uid', userObjectClass: 'person',
    emailProperty: 'mail', displayNameProperty: 'displayName', operationTimeoutMs: 5000,
  } as LdapDirectoryConnectorConfig;

  it('keeps an injection attempt a literal value: RFC 4515-escaped as text, raw bytes on the wire', () => {
    const filter = userLookupFilter(prepareUserSearch(config), '*)(uid=*');
    expect(filter.toString()).toBe('(&(objectClass=person)(uid=\\2a\\29\\28uid=\\2a))');
    const wire = ber(filter);
    // The whole name is one equalityMatch ([3]) assertion value; no substring ([4]) or presence ([7]) filter appears.
    const equality = ber(new EqualityFilter({ attribute: 'uid', value: '*)(uid=*' }));
    expect(wire.includes(equality)).toBe(true);
    expect(equality[0]).toBe(0xa3);
    expect(wire.includes(Buffer.from([0x87]))).toBe(false);
    expect(wire.includes(Buffer.from([0xa4]))).toBe(false);
  });

  it('escapes backslashes and NUL in the text form', () => {
    expect(new EqualityFilter({ attribute: 'cn', value: 'a\\b\u0000' }).toString()).toBe('(cn=a\\5cb\\00)');
  });

  it("adds objectCategory=person and the admin's filter for Active Directory", () => {
    const search = prepareUserSearch({ ...config, type: 'ACTIVE_DIRECTORY', loginProperty: 'sAMAccountName', userObjectClass: 'user', userFilter: '(memberOf=cn=mfa,dc=example,dc=com)' });
    expect(userLookupFilter(search, 'alice').toString()).toBe(
      '(&(&(objectCategory=person)(objectClass=user)(memberOf=cn=mfa,dc=example,dc=com))(sAMAccountName=alice))',
    );
  });
});
