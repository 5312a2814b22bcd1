import type { Sealed } from '../../crypto';
import type { BuiltInDirectoryConnectorConfig, LdapDirectoryConnectorConfig } from '../../directory/directory-connector-config';
import type { ConnectionTestReport } from '../../directory/connection-test-report';

/** Connector settings as stored in events: the bind password sealed, never clear. */
export type StoredLdapConnectorConfig = Omit<LdapDirectoryConnectorConfig, 'bindPassword'> & { bindPassword: Sealed };
export type StoredConnectorConfig = StoredLdapConnectorConfig | BuiltInDirectoryConnectorConfig;

export type DirectoryEvent =
  | { type: 'DirectoryConnectorCreated'; data: { connectorId: string; config: StoredConnectorConfig; template: boolean } }
  | { type: 'DirectoryConnectorUpdated'; data: { connectorId: string; config: StoredConnectorConfig } }
  | { type: 'DirectoryConnectorDeleted'; data: { connectorId: string } }
  | { type: 'DirectoryConnectionTested'; data: { connectorId: string; ok: boolean; report: ConnectionTestReport } };

export const directoryEventTypes = [
  'DirectoryConnectorCreated',
  'DirectoryConnectorUpdated',
  'DirectoryConnectorDeleted',
  'DirectoryConnectionTested',
] as const;
