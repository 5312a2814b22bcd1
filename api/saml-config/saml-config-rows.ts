import type { StoredSigningKey, StoredSigningSlots } from '../domain/saml-connector';
import type { SecondFactorPolicy } from '../domain/service';
import type { SamlConnectorConfig } from '../saml';

/** A row of `saml_connectors` as SQLite returns it. */
export interface SamlConnectorRow {
  tenant_id: string;
  id: string;
  name: string;
  kind: SamlConnectorConfig['kind'];
  issuer: string;
  /** JSON of the validated {@link SamlConnectorConfig}. */
  config: string;
  /** JSON of {@link StoredSigningSlots}; private keys sealed. */
  signing: string;
  template: number;
  created_at: string;
  updated_at: string;
}

/** A SAML connector read model row with its JSON parsed. `signing.current` always exists. */
export interface SamlConnectorRecord {
  tenantId: string;
  id: string;
  name: string;
  kind: SamlConnectorConfig['kind'];
  issuer: string;
  config: SamlConnectorConfig;
  signing: StoredSigningSlots & { current: StoredSigningKey };
  template: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toSamlConnectorRecord(row: SamlConnectorRow): SamlConnectorRecord {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    name: row.name,
    kind: row.kind,
    issuer: row.issuer,
    config: JSON.parse(row.config) as SamlConnectorConfig,
    signing: JSON.parse(row.signing) as SamlConnectorRecord['signing'],
    template: row.template === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A row of `services` as SQLite returns it. */
export interface ServiceRow {
  tenant_id: string;
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  directory_connector_id: string | null;
  saml_connector_id: string | null;
  state: 'STARTED' | 'STOPPED';
  second_factor: SecondFactorPolicy;
  created_at: string;
  updated_at: string;
}
