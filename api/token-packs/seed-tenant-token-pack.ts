import type Database from 'better-sqlite3';
import type { CommandContext } from '../commands';
import type { TokenPackService } from './token-pack-service';

/**
 * Gives a tenant with no token pack its template: enrolling into the tenant's first directory
 * connector and enabling every service it has, in the default theme, for the admin to edit on
 * the Token Packs page. Run it after the template directory and services are seeded.
 */
export async function seedTenantTokenPack(services: { readDb: Database.Database; tokenPacks: TokenPackService }, ctx: CommandContext): Promise<void> {
  const packs = services.tokenPacks;
  if (packs.list(ctx.tenantId).length > 0) return;
  const tokenPackId = await packs.create({ name: 'Default token pack', icon: 'token-pack', primaryDirectoryId: packs.firstDirectoryId(ctx.tenantId) }, ctx, { template: true });
  for (const serviceId of packs.serviceIds(ctx.tenantId)) await packs.setService(tokenPackId, serviceId, true, ctx);
}
