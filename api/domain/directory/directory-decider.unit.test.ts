import { describe, expect, it } from 'vitest';
import { fold } from '../../commands';
import type { Sealed } from '../../crypto';
import { directoryDecider } from './directory-decider';
import type { DirectoryEvent, StoredLdapConnectorConfig } from './events';

const ldap: StoredLdapConnectorConfig = {
  name: 'Corp AD',
  type: 'ACTIVE_DIRECTORY',
  hosts: ['dc1.corp.example'],
  port: 636,
  security: 'LDAPS',
  verifyCertificate: true,
  baseDn: 'dc=corp,dc=example',
  bindDn: 'cn=reader,dc=corp,dc=example',
  bindPassword: 'sealed:v1:k:i:old' as Sealed,
  userObjectClass: 'user',
  loginProperty: 'sAMAccountName',
  emailProperty: 'mail',
  displayNameProperty: 'displayName',
  connectTimeoutMs: 5000,
  operationTimeoutMs: 10000,
};
const created: DirectoryEvent = { type: 'DirectoryConnectorCreated', data: { connectorId: 'c1', config: ldap, template: false } };

describe('directory connector decider', () => {
  it('keeps the sealed bind password when an update leaves it out', () => {
    const { bindPassword: _, ...withoutPassword } = ldap;
    const [event] = directoryDecider.decide({ type: 'UpdateConnector', config: { ...withoutPassword, name: 'Renamed' } }, fold(directoryDecider, [created]));
    expect(event).toEqual({ type: 'DirectoryConnectorUpdated', data: { connectorId: 'c1', config: { ...ldap, name: 'Renamed' } } });
  });

  it('refuses to turn a built-in directory into an LDAP connector, which would orphan its users', () => {
    const builtIn: DirectoryEvent = { type: 'DirectoryConnectorCreated', data: { connectorId: 'c1', config: { name: 'B', type: 'BUILT_IN' }, template: true } };
    expect(() => directoryDecider.decide({ type: 'UpdateConnector', config: ldap }, fold(directoryDecider, [builtIn]))).toThrow(/create a new connector/);
  });

  it('refuses to change a deleted connector', () => {
    const deleted: DirectoryEvent = { type: 'DirectoryConnectorDeleted', data: { connectorId: 'c1' } };
    expect(() => directoryDecider.decide({ type: 'DeleteConnector' }, fold(directoryDecider, [created, deleted]))).toThrow(/No directory connector/);
  });

  it('records a connection test with its outcome', () => {
    const report = { connector: { name: 'Corp AD', type: 'ACTIVE_DIRECTORY' as const, hosts: [] }, ok: false, durationMs: 3, steps: [] };
    const [event] = directoryDecider.decide({ type: 'RecordConnectionTest', report }, fold(directoryDecider, [created]));
    expect(event).toMatchObject({ type: 'DirectoryConnectionTested', data: { ok: false } });
  });
});
