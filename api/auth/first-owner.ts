import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { hashPassword, type Sealer } from '../crypto';
import { tenantDecider } from '../domain/tenant';
import { AppError, validationError } from '../errors';
import { randomToken, safeEqual } from './tokens';

/**
 * Creating the first owner: from COUNTERSIGN_ADMIN_EMAIL/PASSWORD at start, or through a
 * one-time setup link printed to the log when neither is set. The setup token lives only
 * in this process's memory, so a restart prints a new link and the old one stops working.
 */
export function createFirstOwner(deps: { readDb: Database.Database; execute: CommandBus; sealer: Sealer }) {
  const countAdmins = deps.readDb.prepare('SELECT COUNT(*) FROM admins WHERE tenant_id = ?').pluck();
  let setupToken: string | null = null;

  const addOwner = async (email: string, password: string, ctx: CommandContext, bySetup: boolean) => {
    if (password.length < 12) throw validationError({ password: 'use at least 12 characters' });
    const passwordHash = deps.sealer.seal(await hashPassword(password), 'admin:passwordHash');
    await deps.execute(
      tenantDecider,
      streamId('tenant', ctx.tenantId, ctx.tenantId),
      { type: 'AddAdmin', adminId: randomUUID(), email, role: 'owner', passwordHash, bySetup },
      ctx,
    );
  };

  return {
    setupRequired: (tenantId: string) => (countAdmins.get(tenantId) as number) === 0,

    /** At start: creates the owner from the environment, or returns a setup token to print. */
    async bootstrap(env: { email?: string; password?: string }, ctx: CommandContext): Promise<{ setupToken: string } | null> {
      if ((countAdmins.get(ctx.tenantId) as number) > 0) return null;
      if (env.email && env.password) {
        await addOwner(env.email, env.password, ctx, true);
        return null;
      }
      setupToken = randomToken();
      return { setupToken };
    },

    async completeSetup(token: string, email: string, password: string, ctx: CommandContext): Promise<void> {
      if ((countAdmins.get(ctx.tenantId) as number) > 0) throw new AppError('SETUP_ALREADY_DONE');
      if (!setupToken || !safeEqual(token, setupToken)) throw new AppError('SETUP_TOKEN_INVALID');
      await addOwner(email, password, ctx, true);
      setupToken = null;
    },
  };
}

export type FirstOwner = ReturnType<typeof createFirstOwner>;
