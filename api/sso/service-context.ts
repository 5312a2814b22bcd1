import type Database from 'better-sqlite3';
import { samlConnectorsProjection } from '../../projections/saml-connectors.projection';
import { servicesProjection } from '../../projections/services.projection';
import type { ReadModelProgress } from '../commands';
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

/** What changes the two read models a context is made of. */
const CONTEXT_EVENT_TYPES = [...servicesProjection.eventTypes!, ...samlConnectorsProjection.eventTypes!];
const MAX_CACHED = 10_000;

/**
 * Reads a service and its SAML connector from the read models and opens the signing key,
 * once per key (cached by certificate), not on every sign-in. Each step of a sign-in needs
 * the context: it is kept until the read models apply a change to a service or a SAML
 * connector (or a batch of unknown events), so most steps cost no query.
 */
export function createServiceContexts(deps: { readDb: Database.Database; sealer: Sealer; progress: ReadModelProgress }) {
  const contexts = new Map<string, ServiceContext>();
  deps.progress.onAdvance((_position, eventTypes) => {
    if (!eventTypes || CONTEXT_EVENT_TYPES.some((type) => eventTypes.has(type))) contexts.clear();
  });
  const serviceById = deps.readDb.prepare(
    `SELECT s.*, c.changed_at AS connector_version FROM services s
     LEFT JOIN saml_connectors c ON c.tenant_id = s.tenant_id AND c.id = s.saml_connector_id WHERE s.id = ?`,
  );
  const connectorById = deps.readDb.prepare('SELECT * FROM saml_connectors WHERE tenant_id = ? AND id = ?');
  const keys = new Map<string, IdpSigningKey>();
  // Parsed connectors by version (the position of their last change), so a sign-in does not re-parse the config JSON.
  const records = new Map<string, SamlConnectorRecord>();
  const record = (tenantId: string, connectorId: string, version: number): SamlConnectorRecord | undefined => {
    const key = `${tenantId}/${connectorId}@${version}`;
    let found = records.get(key);
    if (!found) {
      const row = connectorById.get(tenantId, connectorId) as SamlConnectorRow | undefined;
      if (!row) return undefined;
      found = toSamlConnectorRecord(row);
      if (records.size > 1000) records.clear();
      records.set(key, found);
    }
    return found;
  };

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

  const read = (serviceId: string): ServiceContext => {
    const service = serviceById.get(serviceId) as (ServiceRow & { connector_version: number | null }) | undefined;
    if (!service) throw new AppError('NOT_FOUND', 'There is no sign-in service at this address; check the link the application uses.');
    if (!service.saml_connector_id || !service.directory_connector_id) {
      throw new AppError('SAML_SERVICE_STOPPED', `${service.name} is not fully configured yet; ask your administrator to finish it.`);
    }
    const connector = service.connector_version !== null ? record(service.tenant_id, service.saml_connector_id, service.connector_version) : undefined;
    if (!connector) throw new AppError('SAML_SERVICE_STOPPED', `${service.name} has no SAML connector; ask your administrator to finish it.`);
    return {
      tenantId: service.tenant_id,
      serviceId: service.id,
      serviceName: service.name,
      state: service.state,
      secondFactor: service.second_factor,
      directoryConnectorId: service.directory_connector_id,
      samlConnectorId: service.saml_connector_id,
      connector: connector.config,
      record: connector,
      signingKey: signingKey(connector),
    };
  };

  return {
    /** NOT_FOUND for an unknown service; SAML_SERVICE_STOPPED when its connectors are missing. */
    load(serviceId: string): ServiceContext {
      let context = contexts.get(serviceId);
      if (!context) {
        context = read(serviceId);
        if (contexts.size >= MAX_CACHED) contexts.clear();
        contexts.set(serviceId, context);
      }
      return context;
    },
  };
}

export type ServiceContexts = ReturnType<typeof createServiceContexts>;
