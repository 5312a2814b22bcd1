import { tokenPackEventTypes, type TokenPackEvent } from '../api/domain/token-pack';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/**
 * Token packs for the Token Packs page: settings, which services each enables, trusted
 * networks, and each send with its outcome. The enrollment link of a send stays in its event
 * (sealed); the mail worker reads it from there, so no copy of a bearer link lives here.
 */
export const tokenPacksProjection: Projection = {
  name: 'token_packs',
  version: 2,
  tables: ['token_packs', 'token_pack_services', 'trusted_networks', 'token_pack_sends'],
  schema: `CREATE TABLE IF NOT EXISTS token_packs (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    icon TEXT,
    primary_directory_id TEXT,
    theme TEXT NOT NULL,
    local_unlock TEXT NOT NULL DEFAULT 'NONE',
    template INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE TABLE IF NOT EXISTS token_pack_services (
    tenant_id TEXT NOT NULL,
    token_pack_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, token_pack_id, service_id)
  );
  CREATE TABLE IF NOT EXISTS trusted_networks (
    tenant_id TEXT NOT NULL,
    token_pack_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    cidr TEXT NOT NULL,
    description TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, token_pack_id, id)
  );
  CREATE TABLE IF NOT EXISTS token_pack_sends (
    tenant_id TEXT NOT NULL,
    token_pack_id TEXT NOT NULL,
    send_id TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL,
    reason TEXT,
    message_id TEXT,
    expires_at TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, token_pack_id, send_id)
  );
  CREATE INDEX IF NOT EXISTS token_pack_sends_recent ON token_pack_sends (tenant_id, token_pack_id, requested_at);`,
  eventTypes: tokenPackEventTypes,
  apply(db, recorded) {
    const event = recorded as unknown as TokenPackEvent;
    const tenant = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    const pack = event.data.tokenPackId;
    switch (event.type) {
      case 'TokenPackCreated': {
        const d = event.data;
        prepared(db, `INSERT INTO token_packs (tenant_id, id, name, icon, primary_directory_id, theme, local_unlock, template, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(tenant, pack, d.name, d.icon, d.primaryDirectoryId, JSON.stringify(d.theme), d.localUnlock ?? 'NONE', d.template ? 1 : 0, at, at);
        break;
      }
      case 'TokenPackUpdated': {
        const d = event.data;
        prepared(db, `UPDATE token_packs SET name = ?, icon = ?, primary_directory_id = ?, theme = ?, local_unlock = ?, template = 0, updated_at = ?
          WHERE tenant_id = ? AND id = ?`).run(d.name, d.icon, d.primaryDirectoryId, JSON.stringify(d.theme), d.localUnlock ?? 'NONE', at, tenant, pack);
        break;
      }
      case 'ServiceEnabled':
      case 'ServiceDisabled':
        prepared(db, `INSERT INTO token_pack_services (tenant_id, token_pack_id, service_id, enabled) VALUES (?, ?, ?, ?)
          ON CONFLICT (tenant_id, token_pack_id, service_id) DO UPDATE SET enabled = excluded.enabled`).run(
          tenant, pack, event.data.serviceId, event.type === 'ServiceEnabled' ? 1 : 0);
        touch(db, tenant, pack, at);
        break;
      case 'TrustedNetworkAdded': {
        const d = event.data;
        prepared(db, `INSERT INTO trusted_networks (tenant_id, token_pack_id, id, name, cidr, description, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
          tenant, pack, d.networkId, d.name, d.cidr, d.description, at);
        touch(db, tenant, pack, at);
        break;
      }
      case 'TrustedNetworkRemoved':
        prepared(db, 'DELETE FROM trusted_networks WHERE tenant_id = ? AND token_pack_id = ? AND id = ?').run(tenant, pack, event.data.networkId);
        touch(db, tenant, pack, at);
        break;
      case 'TokenPackSendRequested':
        prepared(db, `INSERT INTO token_pack_sends (tenant_id, token_pack_id, send_id, email, status, expires_at, requested_at, updated_at)
          VALUES (?, ?, ?, ?, 'QUEUED', ?, ?, ?)`).run(tenant, pack, event.data.sendId, event.data.email, event.data.expiresAt, at, at);
        break;
      case 'TokenPackEmailSent':
        prepared(db, `UPDATE token_pack_sends SET status = 'SENT', reason = NULL, message_id = ?, updated_at = ?
          WHERE tenant_id = ? AND token_pack_id = ? AND send_id = ?`).run(event.data.messageId, at, tenant, pack, event.data.sendId);
        break;
      case 'TokenPackEmailFailed':
        // A failure with a retry to come keeps the send QUEUED, with the reason of the last try.
        prepared(db, `UPDATE token_pack_sends SET status = ?, reason = ?, updated_at = ?
          WHERE tenant_id = ? AND token_pack_id = ? AND send_id = ?`).run(event.data.final ? 'FAILED' : 'QUEUED', event.data.reason, at, tenant, pack, event.data.sendId);
        break;
      case 'TokenPackDeleted':
        for (const table of ['token_pack_services', 'trusted_networks', 'token_pack_sends']) {
          prepared(db, `DELETE FROM ${table} WHERE tenant_id = ? AND token_pack_id = ?`).run(tenant, pack);
        }
        prepared(db, 'DELETE FROM token_packs WHERE tenant_id = ? AND id = ?').run(tenant, pack);
        break;
    }
  },
};

function touch(db: Parameters<Projection['apply']>[0], tenant: string, pack: string, at: string): void {
  prepared(db, 'UPDATE token_packs SET updated_at = ? WHERE tenant_id = ? AND id = ?').run(at, tenant, pack);
}
