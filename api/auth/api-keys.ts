import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { tenantDecider, type Scope, type TenantCommand, type TenantEvent } from '../domain/tenant';
import type { Principal, Permission } from './principal';
import { randomToken, safeEqual, tokenHash } from './tokens';

const TOKEN = /^cs_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** Integrator API keys: `cs_<keyId>_<secret>`, shown once; only a hash of the secret is kept. */
export function createApiKeys(deps: { readDb: Database.Database; execute: CommandBus }) {
  const byId = deps.readDb.prepare('SELECT * FROM api_keys WHERE key_id = ?');
  const stream = (ctx: CommandContext) => streamId('tenant', ctx.tenantId, ctx.tenantId);
  const issueCommand = (name: string, scopes: Scope[]): { keyId: string; secret: string; command: TenantCommand } => {
    const keyId = randomUUID().replaceAll('-', '');
    const secret = randomToken();
    return { keyId, secret, command: { type: 'IssueApiKey', keyId, name, scopes, secretHash: tokenHash(secret) } };
  };

  return {
    async issue(name: string, scopes: Scope[], ctx: CommandContext): Promise<{ keyId: string; token: string }> {
      const { keyId, secret, command } = issueCommand(name, scopes);
      await deps.execute(tenantDecider, stream(ctx), command, ctx);
      return { keyId, token: `cs_${keyId}_${secret}` };
    },
    /** What {@link issue} would answer for this name and these scopes, without creating a key. */
    async checkIssue(name: string, scopes: Scope[], ctx: CommandContext): Promise<TenantEvent[]> {
      return (await deps.execute.dryRun(tenantDecider, stream(ctx), issueCommand(name, scopes).command)).events;
    },

    async revoke(keyId: string, ctx: CommandContext): Promise<void> {
      await deps.execute(tenantDecider, streamId('tenant', ctx.tenantId, ctx.tenantId), { type: 'RevokeApiKey', keyId }, ctx);
    },

    /** The integrator behind a bearer token, or null when it is malformed, unknown or revoked. */
    fromBearer(token: string): Extract<Principal, { kind: 'apiKey' }> | null {
      const match = TOKEN.exec(token);
      if (!match) return null;
      const row = byId.get(match[1]) as
        | { key_id: string; tenant_id: string; name: string; scopes: string; secret_hash: string; revoked_at: string | null }
        | undefined;
      if (!row || row.revoked_at || !safeEqual(row.secret_hash, tokenHash(match[2]!))) return null;
      return {
        kind: 'apiKey',
        tenantId: row.tenant_id,
        keyId: row.key_id,
        name: row.name,
        permissions: new Set(JSON.parse(row.scopes) as Permission[]),
      };
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;
