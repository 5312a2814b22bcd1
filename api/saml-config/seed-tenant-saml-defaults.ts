import type { AppServices } from '../app-services';
import type { CommandContext } from '../commands';

/** The placeholder domain of the template; `.example` is reserved (RFC 2606), so it can never be a real one. */
export const TEMPLATE_FEDERATED_DOMAIN = 'contoso.example';

/**
 * Gives a tenant with no SAML connector and no service its templates: an Office 365 SAML
 * connector (placeholder domain, Issuer `<publicUrl>/saml/<connectorId>`, a fresh signing key)
 * and a stopped "Office 365" service wired to it and to the tenant's first directory
 * connector. The admin then sets the real domain, runs the federation script and starts it.
 * Run it after the template directory is seeded.
 */
export async function seedTenantSamlDefaults(services: AppServices, ctx: CommandContext): Promise<void> {
  const db = services.readDb;
  const connectors = db.prepare('SELECT COUNT(*) FROM saml_connectors WHERE tenant_id = ?').pluck().get(ctx.tenantId) as number;
  const instances = db.prepare('SELECT COUNT(*) FROM services WHERE tenant_id = ?').pluck().get(ctx.tenantId) as number;
  if (connectors > 0 || instances > 0) return;
  const samlConnectorId = await services.samlConnectors.create(
    {
      name: 'Office 365',
      config: {
        kind: 'OFFICE_365',
        federatedDomain: TEMPLATE_FEDERATED_DOMAIN,
        brandName: 'Office 365',
        immutableId: { attribute: 'objectGUID', encoding: 'binary' },
        upnAttribute: 'userPrincipalName',
        mfaBehavior: 'acceptIfMfaDoneByFederatedIdp',
      },
    },
    ctx,
    { template: true },
  );
  const directoryConnectorId = db
    .prepare('SELECT id FROM directory_connectors WHERE tenant_id = ? ORDER BY template DESC, created_at LIMIT 1')
    .pluck()
    .get(ctx.tenantId) as string | undefined;
  await services.serviceInstances.create(
    {
      name: 'Office 365',
      description: 'Microsoft 365 sign-in (Outlook, Teams, SharePoint) with Countersign approval.',
      icon: 'office-365',
      directoryConnectorId: directoryConnectorId ?? null,
      samlConnectorId,
    },
    ctx,
  );
}
