import { randomUUID } from 'node:crypto';
import type { AppServices } from '../app-services';
import { streamId, type CommandContext } from '../commands';
import { tenantDecider } from '../domain/tenant';
import { seedTemplateDirectory } from './seed-template-directory';
import { seedTenantSamlDefaults } from '../saml-config';
import { seedTenantTokenPack } from '../token-packs';

/**
 * First start: creates the default tenant, then its first owner from the environment, or
 * prints a one-time setup link. Later starts change nothing (every step is idempotent).
 */
export async function bootstrapTenant(services: AppServices): Promise<void> {
  const { config, logger } = services;
  const tenantId = config.COUNTERSIGN_DEFAULT_TENANT;
  const ctx: CommandContext = { tenantId, actor: { kind: 'system', id: 'bootstrap' }, correlationId: randomUUID(), causationId: randomUUID() };
  await services.execute(tenantDecider, streamId('tenant', tenantId, tenantId), { type: 'CreateTenant', tenantId, name: 'Default organisation' }, ctx);
  await seedTemplateDirectory(services, ctx);
  await seedTenantSamlDefaults(services, ctx);
  await seedTenantTokenPack(services, ctx);
  const setup = await services.firstOwner.bootstrap(
    { email: config.COUNTERSIGN_ADMIN_EMAIL, password: config.COUNTERSIGN_ADMIN_PASSWORD },
    ctx,
  );
  if (setup) {
    // The link is the only way in until an owner exists; it is printed, never logged as a field.
    process.stdout.write(
      `\n  No admin exists yet. Create the first owner at:\n  ${config.publicUrl}/setup?token=${setup.setupToken}\n  (or set COUNTERSIGN_ADMIN_EMAIL and COUNTERSIGN_ADMIN_PASSWORD and restart)\n\n`,
    );
  }
}
