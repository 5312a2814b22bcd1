import type { DirectoryConnector } from '../graphql/directoryTypes';
import { ConnectionTestPanel } from './ConnectionTestPanel';
import { Dialog } from './Dialog';

/** The connection test of one connector, opened from the list. */
export function TestConnectorDialog({ connector, onClose }: { connector: DirectoryConnector; onClose: () => void }) {
  return (
    <Dialog title={`Test “${connector.name}”`} onClose={onClose} size="large">
      <ConnectionTestPanel connectorId={connector.id} type={connector.type} lastTest={connector.lastTest} autoFocus />
    </Dialog>
  );
}
