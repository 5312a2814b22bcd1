import { randomBytes } from 'node:crypto';
import type { AppServices } from '../app-services';
import type { CommandContext } from '../commands';

const DEMO_USERS = [
  { username: 'alice', displayName: 'Alice Example' },
  { username: 'bob', displayName: 'Bob Example' },
  { username: 'carol', displayName: 'Carol Example' },
];

/**
 * Gives a tenant with no directory connector its template: a built-in directory the admin
 * edits or replaces. In single-node mode it also holds a few demo users, so the first run
 * works with no LDAP server; their password is random and printed once.
 */
export async function seedTemplateDirectory(services: AppServices, ctx: CommandContext): Promise<void> {
  const existing = services.readDb.prepare('SELECT COUNT(*) FROM directory_connectors WHERE tenant_id = ?').pluck().get(ctx.tenantId) as number;
  if (existing > 0) return;
  const connectorId = await services.directoryConnectors.create({ name: 'Built-in directory', type: 'BUILT_IN' }, ctx, { template: true });
  if (!services.config.demoUsers) return;
  const password = randomBytes(9).toString('base64url');
  for (const user of DEMO_USERS) {
    await services.builtInUsers.add(connectorId, { ...user, email: `${user.username}@example.com`, password }, ctx);
  }
  process.stdout.write(
    `\n  Demo users ${DEMO_USERS.map((u) => u.username).join(', ')} were added to the built-in directory, each with the password ${password}\n` +
      '  (change or remove them on the Directories page).\n\n',
  );
}
