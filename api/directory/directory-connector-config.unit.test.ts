import { describe, expect, it } from 'vitest';

import { isAppError } from '../errors';
import { parseDirectoryConnectorConfig, type LdapDirectoryConnectorConfig } from './directory-connector-config';
import { defaultsForType } from './directory-type-defaults';

const minimal = {
  name: 'Head office AD',
  type: 'ACTIVE_DIRECTORY',
  hosts: ['dc1.corp.example.com'],
  baseDn: 'DC=corp,DC=example,DC=com',
  bindDn: 'CN=Countersign Reader,OU=Service Accounts,DC=corp,DC=example,DC=com',
  bindPassword: 's3cret',
};

function fieldErrors(input: unknown): Record<string, string> {
  try {
    parseDirectoryConnectorConfig(input);
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION_FAILED') return error.details!.fields as Record<string, string>;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('directory connector settings', () => {
  it('fills in the Active Directory defaults', () => {
    const config = parseDirectoryConnectorConfig(minimal) as LdapDirectoryConnectorConfig;
    expect(config).toMatchObject({
      security: 'LDAPS', port: 636, verifyCertificate: true,
      loginProperty: 'sAMAccountName', emailProperty: 'mail', displayNameProperty: 'displayName',
      phoneProperty: 'telephoneNumber', upnProperty: 'userPrincipalName', immutableIdProperty: 'objectGUID',
      userObjectClass: 'user', connectTimeoutMs: 5000, operationTimeoutMs: 10000,
    });
  });

  it('fills in the OpenLDAP defaults, with port 389 for StartTLS', () => {
    const config = parseDirectoryConnectorConfig({ ...minimal, type: 'OPENLDAP', bindDn: 'cn=reader,dc=example,dc=com' }) as LdapDirectoryConnectorConfig;
    expect(config).toMatchObject({ security: 'STARTTLS', port: 389, loginProperty: 'uid', emailProperty: 'mail', displayNameProperty: 'displayName', phoneProperty: 'telephoneNumber', userObjectClass: 'person' });
    expect(defaultsForType('OPENLDAP')).toMatchObject({ loginProperty: 'uid', immutableIdProperty: 'entryUUID' });
  });

  it('uses port 389 for plain LDAP and keeps an explicit port', () => {
    expect(parseDirectoryConnectorConfig({ ...minimal, security: 'NONE' })).toMatchObject({ port: 389 });
    expect(parseDirectoryConnectorConfig({ ...minimal, security: 'LDAPS', port: 3269 })).toMatchObject({ port: 3269 });
  });

  it('lets an admin leave out phone, UPN and ImmutableID', () => {
    const config = parseDirectoryConnectorConfig({ ...minimal, phoneProperty: '', upnProperty: '', immutableIdProperty: '' });
    expect(config).not.toHaveProperty('phoneProperty');
    expect(config).not.toHaveProperty('upnProperty');
    expect(config).not.toHaveProperty('immutableIdProperty');
  });

  it('takes a BUILT_IN connector with just a name', () => {
    expect(parseDirectoryConnectorConfig({ name: 'Demo users', type: 'BUILT_IN' })).toEqual({ name: 'Demo users', type: 'BUILT_IN' });
  });

  it('accepts an Active Directory service account written as a UPN or DOMAIN\\name', () => {
    expect(() => parseDirectoryConnectorConfig({ ...minimal, bindDn: 'reader@corp.example.com' })).not.toThrow();
    expect(() => parseDirectoryConnectorConfig({ ...minimal, bindDn: 'CORP\\reader' })).not.toThrow();
  });

  it('accepts host entries with their own port, and IPv6', () => {
    expect(() => parseDirectoryConnectorConfig({ ...minimal, hosts: ['dc1.corp.example.com', '10.0.0.5:3269', '[2001:db8::1]:636', '2001:db8::2'] })).not.toThrow();
  });

  it.each([
    [{ type: 'AZURE_AD_DS', security: 'STARTTLS' }, 'security', /Azure AD Domain Services only accepts secure LDAP: choose LDAPS/],
    [{ hosts: [] }, 'hosts', /Add at least one directory server/],
    [{ hosts: ['dc1', 'ldaps://dc2.example.com'] }, 'hosts.1', /without ldaps:\/\/: choose LDAPS or StartTLS under security/],
    [{ hosts: ['dc 1.example.com'] }, 'hosts.0', /not a host name or IP address/],
    [{ hosts: ['dc1:99999'] }, 'hosts.0', /whole number from 1 to 65535/],
    [{ port: 0 }, 'port', /whole number from 1 to 65535/],
    [{ security: 'SSL' }, 'security', /Choose the security: NONE, STARTTLS or LDAPS/],
    [{ baseDn: 'corp.example.com' }, 'baseDn', /like ou=People,dc=example,dc=com/],
    [{ baseDn: 'dc=corp dc=example' }, 'baseDn', /like ou=People/],
    [{ type: 'OPENLDAP', bindDn: 'reader@example.com' }, 'bindDn', /as a DN/],
    [{ bindDn: 'just a name' }, 'bindDn', /or as reader@example.com/],
    [{ bindPassword: '' }, 'bindPassword', /service account's password/],
    [{ loginProperty: 'login name' }, 'loginProperty', /must be an LDAP attribute name/],
    [{ userFilter: '(&(memberOf=cn=mfa,dc=x)' }, 'userFilter', /Not a valid LDAP filter: a '\)' is missing at the end/],
    [{ caCertificatePem: 'MIIB...' }, 'caCertificatePem', /PEM form, starting with -----BEGIN CERTIFICATE-----/],
    [{ caCertificatePem: '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----' }, 'caCertificatePem', /could not be read/],
    [{ connectTimeoutMs: 10 }, 'connectTimeoutMs', /at least 100 ms/],
    [{ type: 'LDAP' }, 'type', /Choose the directory type/],
    [{ name: ' ' }, 'name', /Give the connector a name/],
  ])('explains what to fix: %j', (change, field, message) => {
    expect(fieldErrors({ ...minimal, ...change })[field]).toMatch(message);
  });

  it('never echoes the bind password in an error', () => {
    const errors = fieldErrors({ ...minimal, bindPassword: 12345678 });
    expect(JSON.stringify(errors)).not.toContain('12345678');
  });
});
