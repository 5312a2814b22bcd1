import { deviceEventTypes, type DeviceEvent } from '../api/domain/device';
import { prepared } from './internal/prepared';
import type { Projection } from './projection';

/**
 * Enrolled authenticator devices: whose they are, their name and key thumbprint, whether
 * they are active, and when they last passed a TOTP code. No key material and no seed:
 * deciders read those from the device's stream. `changed_position` lets live channels pick
 * up revocations.
 */
export const devicesProjection: Projection = {
  name: 'devices',
  version: 1,
  tables: ['devices'],
  schema: `CREATE TABLE IF NOT EXISTS devices (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    user_key TEXT NOT NULL,
    directory_connector_id TEXT NOT NULL,
    username TEXT NOT NULL,
    name TEXT NOT NULL,
    key_thumbprint TEXT NOT NULL,
    token_pack_id TEXT NOT NULL,
    enrollment_id TEXT NOT NULL,
    status TEXT NOT NULL,
    channels TEXT NOT NULL,
    activated_at TEXT NOT NULL,
    last_code_at TEXT,
    revoked_at TEXT,
    revoked_by TEXT,
    changed_position INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id)
  );
  CREATE INDEX IF NOT EXISTS devices_user ON devices (tenant_id, user_key, status);
  CREATE INDEX IF NOT EXISTS devices_id ON devices (id);
  CREATE INDEX IF NOT EXISTS devices_changed ON devices (changed_position);`,
  eventTypes: deviceEventTypes,
  apply(db, recorded) {
    const event = recorded as unknown as DeviceEvent;
    const tenant = recorded.metadata.tenantId;
    const at = recorded.metadata.timestamp;
    const id = event.data.deviceId;
    switch (event.type) {
      case 'DeviceActivated': {
        const d = event.data;
        prepared(db, `INSERT OR REPLACE INTO devices (tenant_id, id, user_key, directory_connector_id, username, name, key_thumbprint, token_pack_id, enrollment_id,
          status, channels, activated_at, changed_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', '["websocket"]', ?, ?)`).run(
          tenant, id, d.userKey, d.directoryConnectorId, d.username, d.name, d.keyThumbprint, d.tokenPackId, d.enrollmentId, at, recorded.position);
        break;
      }
      case 'PushChannelRegistered': {
        const current = prepared(db, 'SELECT channels FROM devices WHERE tenant_id = ? AND id = ?').pluck().get(tenant, id) as string | undefined;
        if (current === undefined) break;
        const channels = [...new Set([...(JSON.parse(current) as string[]), event.data.channel])];
        prepared(db, 'UPDATE devices SET channels = ?, changed_position = ? WHERE tenant_id = ? AND id = ?').run(JSON.stringify(channels), recorded.position, tenant, id);
        break;
      }
      case 'PushChannelRemoved': {
        const current = prepared(db, 'SELECT channels FROM devices WHERE tenant_id = ? AND id = ?').pluck().get(tenant, id) as string | undefined;
        if (current === undefined) break;
        const channels = (JSON.parse(current) as string[]).filter((c) => c !== event.data.channel);
        prepared(db, 'UPDATE devices SET channels = ?, changed_position = ? WHERE tenant_id = ? AND id = ?').run(JSON.stringify(channels), recorded.position, tenant, id);
        break;
      }
      case 'TotpCodeAccepted':
        prepared(db, 'UPDATE devices SET last_code_at = ? WHERE tenant_id = ? AND id = ?').run(at, tenant, id);
        break;
      case 'DeviceRevoked': {
        const by = event.data.by.kind === 'admin' ? `admin:${event.data.by.adminId}` : `device:${event.data.by.deviceId}`;
        prepared(db, "UPDATE devices SET status = 'REVOKED', revoked_at = ?, revoked_by = ?, changed_position = ? WHERE tenant_id = ? AND id = ?").run(at, by, recorded.position, tenant, id);
        break;
      }
    }
  },
};
