import type Database from 'better-sqlite3';
import type { LocalUnlockPolicy } from '../domain/token-pack';
import { AppError } from '../errors';

export interface TokenPackRow {
  tenant_id: string;
  id: string;
  name: string;
  icon: string | null;
  primary_directory_id: string | null;
  /** JSON of `TokenPackTheme`. */
  theme: string;
  /** `LocalUnlockPolicy`: what the web authenticator asks before each approval. */
  local_unlock: LocalUnlockPolicy;
  template: number;
  created_at: string;
  updated_at: string;
}

export interface TokenPackServiceRow {
  service_id: string;
  /** Null when the service read model is not there (or the service was deleted). */
  name: string | null;
  enabled: number;
}

export interface TrustedNetworkRow {
  id: string;
  name: string;
  cidr: string;
  description: string;
  added_at: string;
}

export interface TokenPackSendRow {
  send_id: string;
  email: string;
  status: 'QUEUED' | 'SENT' | 'FAILED';
  reason: string | null;
  message_id: string | null;
  expires_at: string;
  requested_at: string;
  updated_at: string;
}

/** Reads of the token pack read model, for the service and the resolvers. */
export function createTokenPackQueries(db: Database.Database) {
  const byId = db.prepare('SELECT * FROM token_packs WHERE tenant_id = ? AND id = ?');
  const all = db.prepare('SELECT * FROM token_packs WHERE tenant_id = ? ORDER BY name COLLATE NOCASE, created_at');
  const networks = db.prepare('SELECT id, name, cidr, description, added_at FROM trusted_networks WHERE tenant_id = ? AND token_pack_id = ? ORDER BY added_at, id');
  const sends = db.prepare('SELECT * FROM token_pack_sends WHERE tenant_id = ? AND token_pack_id = ? ORDER BY requested_at DESC, rowid DESC LIMIT ?');
  const sendsById = (n: number) => db.prepare(`SELECT * FROM token_pack_sends WHERE tenant_id = ? AND token_pack_id = ? AND send_id IN (${new Array(n).fill('?').join(', ')})`);
  const toggles = db.prepare('SELECT service_id, NULL AS name, enabled FROM token_pack_services WHERE tenant_id = ? AND token_pack_id = ? ORDER BY service_id');
  const directory = db.prepare('SELECT name FROM directory_connectors WHERE tenant_id = ? AND id = ?').pluck();
  const firstDirectory = db.prepare('SELECT id FROM directory_connectors WHERE tenant_id = ? ORDER BY template DESC, created_at LIMIT 1').pluck();
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
  // The services read model belongs to another slice; read it only where it exists.
  const servicesReady = () => Boolean(hasTable.get('services'));

  return {
    find(tenantId: string, id: string): TokenPackRow {
      const row = byId.get(tenantId, id) as TokenPackRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No token pack with that id.');
      return row;
    },
    list(tenantId: string): TokenPackRow[] {
      return all.all(tenantId) as TokenPackRow[];
    },
    /** Every service of the organisation, by name, with whether this pack enables it. */
    services(tenantId: string, tokenPackId: string): TokenPackServiceRow[] {
      if (!servicesReady()) return toggles.all(tenantId, tokenPackId) as TokenPackServiceRow[];
      return db
        .prepare(`SELECT s.id AS service_id, s.name, COALESCE(t.enabled, 0) AS enabled FROM services s
          LEFT JOIN token_pack_services t ON t.tenant_id = s.tenant_id AND t.token_pack_id = ? AND t.service_id = s.id
          WHERE s.tenant_id = ? ORDER BY s.name COLLATE NOCASE, s.id`)
        .all(tokenPackId, tenantId) as TokenPackServiceRow[];
    },
    serviceExists(tenantId: string, serviceId: string): boolean {
      return servicesReady() && Boolean(db.prepare('SELECT 1 FROM services WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, serviceId));
    },
    /** Ids of the organisation's services (none when the services read model is absent). */
    serviceIds(tenantId: string): string[] {
      return servicesReady() ? (db.prepare('SELECT id FROM services WHERE tenant_id = ? ORDER BY created_at').pluck().all(tenantId) as string[]) : [];
    },
    trustedNetworks(tenantId: string, tokenPackId: string): TrustedNetworkRow[] {
      return networks.all(tenantId, tokenPackId) as TrustedNetworkRow[];
    },
    /** The most recent sends first. */
    recentSends(tenantId: string, tokenPackId: string, limit: number): TokenPackSendRow[] {
      return sends.all(tenantId, tokenPackId, limit) as TokenPackSendRow[];
    },
    sends(tenantId: string, tokenPackId: string, sendIds: readonly string[]): TokenPackSendRow[] {
      if (sendIds.length === 0) return [];
      const rows = sendsById(sendIds.length).all(tenantId, tokenPackId, ...sendIds) as TokenPackSendRow[];
      const order = new Map(sendIds.map((id, i) => [id, i]));
      return rows.sort((a, b) => order.get(a.send_id)! - order.get(b.send_id)!);
    },
    directoryName(tenantId: string, directoryId: string): string | null {
      return (directory.get(tenantId, directoryId) as string | undefined) ?? null;
    },
    /** The template directory, else the oldest: what a new token pack enrols users into. */
    firstDirectoryId(tenantId: string): string | null {
      return (firstDirectory.get(tenantId) as string | undefined) ?? null;
    },
  };
}

export type TokenPackQueries = ReturnType<typeof createTokenPackQueries>;
