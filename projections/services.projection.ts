import type { ServiceEvent } from '../api/domain/service';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/** Service instances: their connectors, whether they run, and their second-factor policy. */
export const servicesProjection: Projection = {
  name: 'services',
  version: 1,
  tables: ['services'],
  schema: `CREATE TABLE IF NOT EXISTS services (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT,
    icon TEXT,
    directory_connector_id TEXT,
    saml_connector_id TEXT,
    state TEXT NOT NULL,
    second_factor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE INDEX IF NOT EXISTS services_saml_connector ON services (tenant_id, saml_connector_id);`,
  eventTypes: ['ServiceInstanceConfigured', 'ServiceStarted', 'ServiceStopped', 'ServiceDeleted'],
  apply(db, recorded) {
    const event = recorded as unknown as ServiceEvent;
    const tenant = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    switch (event.type) {
      case 'ServiceInstanceConfigured': {
        const d = event.data;
        prepared(db, `INSERT INTO services (tenant_id, id, name, description, icon, directory_connector_id, saml_connector_id, state, second_factor, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'STOPPED', ?, ?, ?)
          ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, description = excluded.description, icon = excluded.icon,
            directory_connector_id = excluded.directory_connector_id, saml_connector_id = excluded.saml_connector_id,
            second_factor = excluded.second_factor, updated_at = excluded.updated_at`).run(
          tenant, d.serviceId, d.name, d.description, d.icon, d.directoryConnectorId, d.samlConnectorId, d.secondFactor, at, at);
        break;
      }
      case 'ServiceStarted':
      case 'ServiceStopped':
        prepared(db, 'UPDATE services SET state = ?, updated_at = ? WHERE tenant_id = ? AND id = ?').run(
          event.type === 'ServiceStarted' ? 'STARTED' : 'STOPPED', at, tenant, event.data.serviceId);
        break;
      case 'ServiceDeleted':
        prepared(db, 'DELETE FROM services WHERE tenant_id = ? AND id = ?').run(tenant, event.data.serviceId);
        break;
    }
  },
};
