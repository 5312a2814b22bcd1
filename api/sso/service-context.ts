import type Database from 'better-sqlite3';
import type { Sealer } from '../crypto';
import { AppError } from '../errors';
import type { IdpSigningKey, SamlConnectorConfig } from '../saml';
import { connectorSigningKey, toSamlConnectorRecord, type SamlConnectorRecord, type SamlConnectorRow, type ServiceRow } from '../saml-config';

/** What the SSO endpoints need to answer for one service instance. */
export interface ServiceContext {
  tenantId: string;
  serviceId: string;
  serviceName: string;
  state: 'STARTED' | 'STOPPED';
  secondFactor: 'REQUIRED' | 'OFF';
  directoryConnectorId: string;
  samlConnectorId: string;
  connector: SamlConnectorConfig;
  /** The connector as stored, for metadata. */
  record: SamlConnectorRecord;
  signingKey: IdpSigningKey;
}

/**
 * Reads a service and its SAML connector from the read models and opens the signing key,
 * once per key (cached by certificate), not on every sign-in.
 */
export function createServiceContexts(deps: { readDb: Database.Database; sealer: Sealer }) {
  const serviceById = deps.readDb.prepare('SELECT * FROM services WHERE id = ?');
  const connectorById = deps.readDb.prepare('SELECT * FROM saml_connectors WHERE tenant_id = ? AND id = ?');
  const keys = new Map<string, IdpSigningKey>();

  const signingKey = (record: SamlConnectorRecord): IdpSigningKey => {
    const cacheKey = record.signing.current.certificateBase64Der;
    let key = keys.get(cacheKey);
    if (!key) {
      key = connectorSigningKey(record, deps.sealer);
      if (keys.size > 1000) keys.clear();
      keys.set(cacheKey, key);
    }
    return key;
  };

  return {
    /** NOT_FOUND for an unknown service; SAML_SERVICE_STOPPED when its connectors are missing. */
    load(serviceId: string): ServiceContext {
      const service = serviceById.get(serviceId) as ServiceRow | undefined;
      if (!service) throw new AppError('NOT_FOUND', 'There is no sign-in service at this address; check the link the application uses.');
      if (!service.saml_connector_id || !service.directory_connector_id) {
        throw new AppError('SAML_SERVICE_STOPPED', `${service.name} is not fully configured yet; ask your administrator to finish it.`);
      }
      const row = connectorById.get(service.tenant_id, service.saml_connector_id) as SamlConnectorRow | undefined;
      if (!row) throw new AppError('SAML_SERVICE_STOPPED', `${service.name} has no SAML connector; ask your administrator to finish it.`);
      const record = toSamlConnectorRecord(row);
      return {
        tenantId: service.tenant_id,
        serviceId: service.id,
        serviceName: service.name,
        state: service.state,
        secondFactor: service.second_factor,
        directoryConnectorId: service.directory_connector_id,
        samlConnectorId: service.saml_connector_id,
        connector: record.config,
        record,
        signingKey: signingKey(record),
      };
    },
  };
}

export type ServiceContexts = ReturnType<typeof createServiceContexts>;
