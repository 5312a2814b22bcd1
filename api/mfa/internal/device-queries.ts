import type Database from 'better-sqlite3';

/** A device as the devices read model holds it. */
export interface DeviceRow {
  tenant_id: string;
  id: string;
  user_key: string;
  directory_connector_id: string;
  username: string;
  name: string;
  key_thumbprint: string;
  token_pack_id: string;
  enrollment_id: string;
  status: 'ACTIVE' | 'REVOKED';
  channels: string;
  activated_at: string;
  last_code_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  changed_position: number;
}

export function createDeviceQueries(db: Database.Database) {
  const byId = db.prepare('SELECT * FROM devices WHERE id = ?');
  const ofUser = db.prepare("SELECT * FROM devices WHERE tenant_id = ? AND user_key = ? AND status = 'ACTIVE' ORDER BY activated_at");
  const ofUserForService = db.prepare(`SELECT d.* FROM devices d
    JOIN token_pack_services s ON s.tenant_id = d.tenant_id AND s.token_pack_id = d.token_pack_id AND s.service_id = ? AND s.enabled = 1
    WHERE d.tenant_id = ? AND d.user_key = ? AND d.status = 'ACTIVE' ORDER BY d.activated_at`);
  const allOfUser = db.prepare('SELECT * FROM devices WHERE tenant_id = ? AND user_key = ? ORDER BY activated_at');
  const ofTenant = db.prepare('SELECT * FROM devices WHERE tenant_id = ? ORDER BY activated_at DESC LIMIT ?');
  const revokedSince = db.prepare("SELECT * FROM devices WHERE changed_position > ? AND status = 'REVOKED'");
  return {
    find: (deviceId: string) => (byId.get(deviceId) as DeviceRow | undefined) ?? null,
    activeOfUser: (tenantId: string, userKey: string) => ofUser.all(tenantId, userKey) as DeviceRow[],
    /** Active devices of the user whose token pack enables the service now: the ones that may answer for it. */
    activeOfUserForService: (tenantId: string, userKey: string, serviceId: string) => ofUserForService.all(serviceId, tenantId, userKey) as DeviceRow[],
    allOfUser: (tenantId: string, userKey: string) => allOfUser.all(tenantId, userKey) as DeviceRow[],
    ofTenant: (tenantId: string, limit = 500) => ofTenant.all(tenantId, limit) as DeviceRow[],
    revokedSince: (position: bigint | number) => revokedSince.all(position) as DeviceRow[],
  };
}

export type DeviceQueries = ReturnType<typeof createDeviceQueries>;
