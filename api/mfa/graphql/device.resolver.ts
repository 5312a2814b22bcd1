import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import { commandContextOf, tenantOf, type GraphQLContext } from '../../graphql/context';
import type { DeviceRow } from '../internal/device-queries';
import { Device, DeviceStatus } from './device.type';

const toDevice = (row: DeviceRow): Device => ({
  id: row.id, name: row.name, username: row.username, directoryConnectorId: row.directory_connector_id, status: row.status as DeviceStatus,
  keyThumbprint: row.key_thumbprint, activatedAt: new Date(row.activated_at), lastCodeAt: row.last_code_at ? new Date(row.last_code_at) : null,
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null, revokedBy: row.revoked_by,
});

@Resolver()
export class DeviceResolver {
  @Authorized('config:read')
  @Query(() => [Device], { description: "Your organisation's authenticator devices, newest first; `username` narrows to one user (any case)." })
  devices(@Arg('username', () => String, { nullable: true, description: "Only this user's devices (login name, any case)." }) username: string | null, @Ctx() ctx: GraphQLContext): Device[] {
    const rows = ctx.services.mfa.devices.queries.ofTenant(tenantOf(ctx), 1000);
    return rows.filter((r) => !username || r.username.toLowerCase() === username.trim().toLowerCase()).map(toDevice);
  }

  @Authorized('users:write')
  @Mutation(() => Device, { description: 'Revokes a device at once: its answers and codes are refused from the next request on, and its live channel is closed.' })
  async revokeDevice(
    @Arg('id', () => ID, { description: 'The device id, from `devices`.' }) id: string,
    @Arg('reason', () => String, { nullable: true, description: "Recorded in the audit event; default 'Revoked by an admin.'" }) reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Device> {
    const row = ctx.services.mfa.devices.queries.find(id);
    if (!row || row.tenant_id !== tenantOf(ctx)) throw new AppError('NOT_FOUND', 'No device with that id.');
    await ctx.services.mfa.devices.revokeByAdmin(id, reason?.trim() || 'Revoked by an admin.', commandContextOf(ctx));
    return toDevice(ctx.services.mfa.devices.queries.find(id)!);
  }
}
