import { evolveSigningSlots, type SamlConnectorEvent, type StoredSigningSlots } from '../api/domain/saml-connector';
import { issuerOf } from '../api/saml';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/**
 * SAML connectors of every tenant: validated config (JSON) and signing key slots (JSON, private
 * keys still sealed). `issuer` is indexed case-insensitively: Office 365 Issuer URIs must be unique
 * across all tenants, and the SSO code finds a connector's Issuer here.
 */
export const samlConnectorsProjection: Projection = {
  name: 'saml_connectors',
  version: 2,
  tables: ['saml_connectors'],
  schema: `CREATE TABLE IF NOT EXISTS saml_connectors (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    issuer TEXT NOT NULL,
    config TEXT NOT NULL,
    signing TEXT NOT NULL,
    template INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- Position of the last event that changed the row: a version that never repeats.
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE INDEX IF NOT EXISTS saml_connectors_issuer ON saml_connectors (issuer COLLATE NOCASE);`,
  eventTypes: ['SamlConnectorCreated', 'SamlConnectorUpdated', 'SigningKeyGenerated', 'SigningKeyRotated', 'PreviousSigningKeyRemoved', 'SamlConnectorDeleted'],
  apply(db, recorded) {
    const event = recorded as unknown as SamlConnectorEvent;
    const tenant = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    switch (event.type) {
      case 'SamlConnectorCreated': {
        const { connectorId, name, config, template } = event.data;
        prepared(db, `INSERT INTO saml_connectors (tenant_id, id, name, kind, issuer, config, signing, template, created_at, updated_at, changed_at)
          VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?)`).run(tenant, connectorId, name, config.kind, issuerOf(config), JSON.stringify(config), template ? 1 : 0, at, at, recorded.position);
        break;
      }
      case 'SamlConnectorUpdated': {
        const { connectorId, name, config } = event.data;
        prepared(db, 'UPDATE saml_connectors SET name = ?, kind = ?, issuer = ?, config = ?, template = 0, updated_at = ?, changed_at = ? WHERE tenant_id = ? AND id = ?').run(
          name, config.kind, issuerOf(config), JSON.stringify(config), at, recorded.position, tenant, connectorId);
        break;
      }
      case 'SigningKeyGenerated':
      case 'SigningKeyRotated':
      case 'PreviousSigningKeyRemoved': {
        const id = event.data.connectorId;
        const current = prepared(db, 'SELECT signing FROM saml_connectors WHERE tenant_id = ? AND id = ?').pluck().get(tenant, id) as string | undefined;
        if (current === undefined) break;
        const signing = evolveSigningSlots(JSON.parse(current) as StoredSigningSlots, event);
        prepared(db, 'UPDATE saml_connectors SET signing = ?, updated_at = ?, changed_at = ? WHERE tenant_id = ? AND id = ?').run(JSON.stringify(signing), at, recorded.position, tenant, id);
        break;
      }
      case 'SamlConnectorDeleted':
        prepared(db, 'DELETE FROM saml_connectors WHERE tenant_id = ? AND id = ?').run(tenant, event.data.connectorId);
        break;
    }
  },
};
