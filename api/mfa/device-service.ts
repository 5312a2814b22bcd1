import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { deviceDecider, deviceRequestPayload, verifyDeviceSignature, type ActiveDevice, type DeviceState } from '../domain/device';
import type { EventStore } from '../eventstore';
import { AppError } from '../errors';
import { createDeviceQueries, type DeviceRow } from './internal/device-queries';
import { loadState } from './internal/load-state';

/** How far a device's clock may be from ours when it signs an HTTP request. */
export const DEVICE_REQUEST_SKEW_MS = 5 * 60_000;

/** A device as a user or admin sees it in a list. */
export interface DeviceSummary {
  deviceId: string;
  name: string;
  username: string;
  status: 'ACTIVE' | 'REVOKED';
  keyThumbprint: string;
  activatedAt: string;
  lastCodeAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

export interface DeviceServiceDeps {
  store: EventStore;
  execute: CommandBus;
  readDb: Database.Database;
  now: () => Date;
}

export const summaryOf = (row: DeviceRow): DeviceSummary => ({
  deviceId: row.id, name: row.name, username: row.username, status: row.status, keyThumbprint: row.key_thumbprint,
  activatedAt: row.activated_at, lastCodeAt: row.last_code_at, revokedAt: row.revoked_at, revokedBy: row.revoked_by,
});

/**
 * Devices: their state from their own streams (so a revocation counts at once), lists from
 * the read model, revocation by admins or by the user from another device, and the check of
 * a device-signed HTTP request.
 */
export function createDeviceService(deps: DeviceServiceDeps) {
  const queries = createDeviceQueries(deps.readDb);
  const load = (tenantId: string, deviceId: string): Promise<DeviceState> => loadState(deps.store, deviceDecider, streamId('device', tenantId, deviceId));

  return {
    queries,
    load,
    /** The tenant a device belongs to (from the read model; devices are activated long before they are used). */
    tenantOf(deviceId: string): string | null {
      return queries.find(deviceId)?.tenant_id ?? null;
    },
    /** The device's stream state when it exists and is active; DEVICE_REVOKED or NOT_FOUND otherwise. */
    async requireActive(tenantId: string, deviceId: string): Promise<ActiveDevice> {
      const state = await load(tenantId, deviceId);
      if (state.status === 'none') throw new AppError('NOT_FOUND', 'No such device; enrol it again.');
      if (state.status === 'revoked') throw new AppError('DEVICE_REVOKED');
      return state;
    },
    /**
     * Authenticates an HTTP request a device signed (header
     * `Countersign-Device: <deviceId>.<timestamp ms>.<signature>` over `deviceRequestPayload`).
     */
    async authenticateRequest(header: string | undefined, method: string, path: string): Promise<{ tenantId: string; device: ActiveDevice }> {
      const parts = header?.split('.') ?? [];
      const [deviceId, timestampText, signature] = parts as [string, string, string];
      const timestamp = Number(timestampText);
      if (parts.length !== 3 || !Number.isSafeInteger(timestamp)) throw new AppError('UNAUTHENTICATED', 'Sign the request with the device key (Countersign-Device header).');
      if (Math.abs(deps.now().getTime() - timestamp) > DEVICE_REQUEST_SKEW_MS) throw new AppError('DEVICE_SIGNATURE_INVALID', "The device's clock is more than 5 minutes off; set it to the correct time.");
      const tenantId = this.tenantOf(deviceId);
      if (!tenantId) throw new AppError('UNAUTHENTICATED', 'This device is not enrolled here.');
      const device = await this.requireActive(tenantId, deviceId);
      if (!verifyDeviceSignature(device.publicKey, deviceRequestPayload({ deviceId, method, path, timestamp }), signature)) throw new AppError('DEVICE_SIGNATURE_INVALID');
      return { tenantId, device };
    },
    /** The user's devices, for the user (from one of their devices). */
    listOfUser(tenantId: string, userKey: string): DeviceSummary[] {
      return queries.allOfUser(tenantId, userKey).map(summaryOf);
    },
    /** The organisation's devices, newest first, for admins. */
    listOfTenant(tenantId: string): DeviceSummary[] {
      return queries.ofTenant(tenantId).map(summaryOf);
    },
    /** An admin revokes a device: its signatures are refused from the next request on. */
    async revokeByAdmin(deviceId: string, reason: string, ctx: CommandContext): Promise<void> {
      await deps.execute(deviceDecider, streamId('device', ctx.tenantId, deviceId), { type: 'RevokeDevice', by: { kind: 'admin', adminId: ctx.actor.id }, reason }, ctx);
    },
    /** The user revokes one of their devices (a lost phone) from another of their devices. */
    async revokeByDevice(requester: ActiveDevice, tenantId: string, deviceId: string, reason: string, client: { ip?: string; userAgent?: string }): Promise<void> {
      const ctx: CommandContext = {
        tenantId, actor: { kind: 'device', id: requester.deviceId }, correlationId: randomUUID(), causationId: randomUUID(),
        ...(client.ip ? { ip: client.ip } : {}), ...(client.userAgent ? { userAgent: client.userAgent } : {}),
      };
      await deps.execute(deviceDecider, streamId('device', tenantId, deviceId), {
        type: 'RevokeDevice', by: { kind: 'device', deviceId: requester.deviceId }, reason,
        requester: { deviceId: requester.deviceId, userKey: requester.userKey, active: requester.status === 'active' },
      }, ctx);
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
