import type { Decider } from '../../commands';
import type { Sealed } from '../../crypto';
import type { ConnectionTestReport } from '../../directory/connection-test-report';
import { AppError, validationError } from '../../errors';
import type { DirectoryEvent, StoredConnectorConfig } from './events';

/** Settings for create/update; on update an LDAP connector without `bindPassword` keeps its current one. */
export type ConnectorSettings =
  | StoredConnectorConfig
  | (Omit<Extract<StoredConnectorConfig, { bindPassword: Sealed }>, 'bindPassword'> & { bindPassword?: undefined });

export type DirectoryCommand =
  | { type: 'CreateConnector'; connectorId: string; config: StoredConnectorConfig; template?: boolean }
  | { type: 'UpdateConnector'; config: ConnectorSettings }
  | { type: 'DeleteConnector' }
  | { type: 'RecordConnectionTest'; report: ConnectionTestReport };

export type DirectoryState =
  | { status: 'none' }
  | { status: 'active'; connectorId: string; config: StoredConnectorConfig; version: number }
  | { status: 'deleted' };

export const directoryDecider: Decider<DirectoryCommand, DirectoryEvent, DirectoryState> = {
  initialState: { status: 'none' },
  decide(command, state) {
    if (command.type === 'CreateConnector') {
      if (state.status !== 'none') throw new AppError('ALREADY_EXISTS', 'A directory connector with this id already exists.');
      return [{ type: 'DirectoryConnectorCreated', data: { connectorId: command.connectorId, config: command.config, template: command.template ?? false } }];
    }
    if (state.status !== 'active') throw new AppError('NOT_FOUND', 'No directory connector with that id.');
    switch (command.type) {
      case 'UpdateConnector': {
        if ((command.config.type === 'BUILT_IN') !== (state.config.type === 'BUILT_IN')) {
          throw validationError({ type: 'A built-in directory cannot become an LDAP connector or the other way round (its users would be lost); create a new connector instead.' });
        }
        const config = withPassword(command.config, state.config);
        return [{ type: 'DirectoryConnectorUpdated', data: { connectorId: state.connectorId, config } }];
      }
      case 'DeleteConnector':
        return [{ type: 'DirectoryConnectorDeleted', data: { connectorId: state.connectorId } }];
      case 'RecordConnectionTest':
        return [{ type: 'DirectoryConnectionTested', data: { connectorId: state.connectorId, ok: command.report.ok, report: command.report } }];
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'DirectoryConnectorCreated':
        return { status: 'active', connectorId: event.data.connectorId, config: event.data.config, version: 1 };
      case 'DirectoryConnectorUpdated':
        return state.status === 'active' ? { ...state, config: event.data.config, version: state.version + 1 } : state;
      case 'DirectoryConnectorDeleted':
        return { status: 'deleted' };
      case 'DirectoryConnectionTested':
        return state;
    }
  },
};

/** An LDAP update without a password keeps the stored one (the type cannot change, see above). */
function withPassword(next: ConnectorSettings, current: StoredConnectorConfig): StoredConnectorConfig {
  if (next.type === 'BUILT_IN' || next.bindPassword || current.type === 'BUILT_IN') return next as StoredConnectorConfig;
  return { ...next, bindPassword: current.bindPassword };
}
