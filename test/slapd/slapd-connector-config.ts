import { parseDirectoryConnectorConfig, type LdapDirectoryConnectorConfig } from '../../api/directory';
import type { RunningSlapd } from './start-slapd';

/**
 * An OpenLDAP connector for a test slapd, validated like an admin's input: StartTLS on the
 * plain port with the test CA, mapping userPrincipalName and the binary objectGUID. `overrides`
 * are admin input too (LDAPS needs `port: slapd.ldapsPort`).
 */
export function slapdConnectorConfig(slapd: RunningSlapd, overrides: Record<string, unknown> = {}): LdapDirectoryConnectorConfig {
  const config = parseDirectoryConnectorConfig({
    name: 'Test slapd',
    type: 'OPENLDAP',
    hosts: ['127.0.0.1'],
    port: slapd.ldapPort,
    security: 'STARTTLS',
    caCertificatePem: slapd.caPem,
    baseDn: slapd.baseDn,
    bindDn: slapd.bindDn,
    bindPassword: slapd.bindPassword,
    upnProperty: 'userPrincipalName',
    immutableIdProperty: 'objectGUID',
    connectTimeoutMs: 2_000,
    operationTimeoutMs: 2_000,
    ...overrides,
  });
  if (config.type === 'BUILT_IN') throw new Error('expected an LDAP connector');
  return config;
}
