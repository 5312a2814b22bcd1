import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Scope } from '../../domain/tenant';
import { AppError } from '../../errors';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import { commandContextOf, requireAdmin, tenantOf, type GraphQLContext } from '../context';
import { ApiKey, ApiScope, CreatedApiKey } from '../types/api-key.type';

interface ApiKeyRow {
  key_id: string;
  name: string;
  scopes: string;
  created_at: string;
  revoked_at: string | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.key_id,
  name: row.name,
  scopes: JSON.parse(row.scopes) as ApiScope[],
  createdAt: new Date(row.created_at),
  revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
});

@Resolver()
export class ApiKeyResolver {
  @Authorized('admins:manage')
  @Query(() => [ApiKey], { description: 'API keys of your organisation, newest first (owners only).' })
  apiKeys(@Ctx() ctx: GraphQLContext): ApiKey[] {
    const rows = ctx.services.readDb
      .prepare('SELECT * FROM api_keys WHERE tenant_id = ? ORDER BY created_at DESC')
      .all(tenantOf(ctx)) as ApiKeyRow[];
    return rows.map(toApiKey);
  }

  @Authorized('admins:manage')
  @Query(() => InputCheck, { description: 'What createApiKey would answer for this name and these scopes, without creating a key (owners only).' })
  checkApiKeyInput(
    @Arg('name', () => String, { description: 'The label as the form holds it now.' }) name: string,
    @Arg('scopes', () => [ApiScope], { description: 'The scopes as the form holds them now.' }) scopes: ApiScope[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<InputCheck> {
    requireAdmin(ctx);
    return inputCheckOf(() => ctx.services.apiKeys.checkIssue(name, scopes as Scope[], commandContextOf(ctx)));
  }

  @Authorized('admins:manage')
  @Mutation(() => CreatedApiKey, { description: 'Creates an API key; the token in the answer is shown only this once.' })
  async createApiKey(
    @Arg('name', () => String, { description: 'A label naming the integration that will use the key, e.g. SIEM export.' }) name: string,
    @Arg('scopes', () => [ApiScope], { description: 'What the key may do; at least one scope.' }) scopes: ApiScope[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<CreatedApiKey> {
    requireAdmin(ctx);
    const { keyId, token } = await ctx.services.apiKeys.issue(name, scopes as Scope[], commandContextOf(ctx));
    const row = ctx.services.readDb.prepare('SELECT * FROM api_keys WHERE key_id = ?').get(keyId) as ApiKeyRow;
    return { apiKey: toApiKey(row), token };
  }

  @Authorized('admins:manage')
  @Mutation(() => ApiKey, { description: 'Revokes an API key at once; requests with it fail from now on.' })
  async revokeApiKey(@Arg('id', () => ID, { description: 'The key id, from apiKeys.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    const row = ctx.services.readDb.prepare('SELECT tenant_id FROM api_keys WHERE key_id = ?').get(id) as { tenant_id: string } | undefined;
    if (!row || row.tenant_id !== tenantOf(ctx)) throw new AppError('NOT_FOUND', 'No API key with that id.');
    await ctx.services.apiKeys.revoke(id, commandContextOf(ctx));
    return toApiKey(ctx.services.readDb.prepare('SELECT * FROM api_keys WHERE key_id = ?').get(id) as ApiKeyRow);
  }
}
