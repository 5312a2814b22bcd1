import type { DirectoryEvent } from '../api/domain/directory';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/** Directory connectors with their settings (bind password still sealed) and last test. */
export const directoryConnectorsProjection: Projection = {
  name: 'directory_connectors',
  version: 1,
  tables: ['directory_connectors'],
  schema: `CREATE TABLE IF NOT EXISTS directory_connectors (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    config TEXT NOT NULL,
    version INTEGER NOT NULL,
    template INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_test TEXT,
    last_test_ok INTEGER,
    last_tested_at TEXT,
    PRIMARY KEY (tenant_id, id)
  );`,
  eventTypes: ['DirectoryConnectorCreated', 'DirectoryConnectorUpdated', 'DirectoryConnectorDeleted', 'DirectoryConnectionTested'],
  apply(db, recorded) {
    const event = recorded as unknown as DirectoryEvent;
    const tenant = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    switch (event.type) {
      case 'DirectoryConnectorCreated':
        prepared(db, `INSERT INTO directory_connectors (tenant_id, id, name, type, config, version, template, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`).run(tenant, event.data.connectorId, event.data.config.name, event.data.config.type, JSON.stringify(event.data.config), event.data.template ? 1 : 0, at, at);
        break;
      case 'DirectoryConnectorUpdated':
        prepared(db, `UPDATE directory_connectors SET name = ?, type = ?, config = ?, version = version + 1, template = 0, updated_at = ?
          WHERE tenant_id = ? AND id = ?`).run(event.data.config.name, event.data.config.type, JSON.stringify(event.data.config), at, tenant, event.data.connectorId);
        break;
      case 'DirectoryConnectorDeleted':
        prepared(db, 'DELETE FROM directory_connectors WHERE tenant_id = ? AND id = ?').run(tenant, event.data.connectorId);
        break;
      case 'DirectoryConnectionTested':
        prepared(db, 'UPDATE directory_connectors SET last_test = ?, last_test_ok = ?, last_tested_at = ? WHERE tenant_id = ? AND id = ?').run(
          JSON.stringify(event.data.report), event.data.ok ? 1 : 0, at, tenant, event.data.connectorId);
        break;
    }
  },
};
