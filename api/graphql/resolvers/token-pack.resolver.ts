import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TokenPackTheme as Theme } from '../../domain/token-pack';
import { validationError } from '../../errors';
import type { TokenPackRow, TokenPackSendRow } from '../../token-packs';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import {
  LocalUnlockPolicyEnum,
  TokenPack,
  TokenPackInput,
  TokenPackSend,
  TokenPackSendStatusEnum,
  TokenPackServiceEntry,
  TrustedNetwork,
  TrustedNetworkInput,
} from '../types/token-pack.type';

const toTokenPack = (row: TokenPackRow): TokenPack => {
  const theme = JSON.parse(row.theme) as Theme;
  return {
    id: row.id,
    name: row.name,
    icon: row.icon,
    primaryDirectoryId: row.primary_directory_id,
    theme: { primaryColor: theme.primaryColor, accentColor: theme.accentColor, logoUrl: theme.logoUrl ?? null },
    localUnlock: (row.local_unlock ?? 'NONE') as LocalUnlockPolicyEnum,
    template: row.template === 1,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
};

const toSend = (row: TokenPackSendRow): TokenPackSend => ({
  id: row.send_id,
  email: row.email,
  status: row.status as TokenPackSendStatusEnum,
  reason: row.reason,
  expiresAt: new Date(row.expires_at),
  requestedAt: new Date(row.requested_at),
  updatedAt: new Date(row.updated_at),
});

@Resolver(() => TokenPack)
export class TokenPackResolver {
  @Authorized('config:read')
  @Query(() => [TokenPack], { description: 'Token packs of your organisation, by name.' })
  tokenPacks(@Ctx() ctx: GraphQLContext): TokenPack[] {
    return ctx.services.tokenPacks.list(tenantOf(ctx)).map(toTokenPack);
  }

  @Authorized('config:read')
  @Query(() => TokenPack, { description: 'One token pack.' })
  tokenPack(@Arg('id', () => ID, { description: 'The token pack id, from tokenPacks.' }) id: string, @Ctx() ctx: GraphQLContext): TokenPack {
    return toTokenPack(ctx.services.tokenPacks.find(tenantOf(ctx), id));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name of the primary directory; null when none is chosen or it was deleted.' })
  primaryDirectoryName(@Root() pack: TokenPack, @Ctx() ctx: GraphQLContext): string | null {
    return pack.primaryDirectoryId ? ctx.services.tokenPacks.directoryName(tenantOf(ctx), pack.primaryDirectoryId) : null;
  }

  @FieldResolver(() => [TokenPackServiceEntry], { description: 'Every service of the organisation, by name, with whether this pack enables it.' })
  services(@Root() pack: TokenPack, @Ctx() ctx: GraphQLContext): TokenPackServiceEntry[] {
    return ctx.services.tokenPacks.services(tenantOf(ctx), pack.id).map((r) => ({ serviceId: r.service_id, name: r.name, enabled: r.enabled === 1 }));
  }

  @FieldResolver(() => [TrustedNetwork], { description: 'Trusted networks, oldest first.' })
  trustedNetworks(@Root() pack: TokenPack, @Ctx() ctx: GraphQLContext): TrustedNetwork[] {
    return ctx.services.tokenPacks.trustedNetworks(tenantOf(ctx), pack.id).map((r) => ({ id: r.id, name: r.name, cidr: r.cidr, description: r.description, addedAt: new Date(r.added_at) }));
  }

  @FieldResolver(() => [TokenPackSend], { description: 'Emails of this pack, newest first, with their outcome.' })
  sends(@Root() pack: TokenPack, @Ctx() ctx: GraphQLContext, @Arg('first', () => Int, { defaultValue: 50, description: 'How many of the latest sends, 1 to 500.' }) first = 50): TokenPackSend[] {
    if (first < 1 || first > 500) throw validationError({ first: 'ask for between 1 and 500 sends' });
    return ctx.services.tokenPacks.recentSends(tenantOf(ctx), pack.id, first).map(toSend);
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What createTokenPack (no id) or updateTokenPack (with id) would answer for this input, without saving.' })
  checkTokenPackInput(
    @Arg('input', () => TokenPackInput, { description: 'The settings as the form holds them now.' }) input: TokenPackInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'The token pack being edited; left out for a new token pack.' }) id?: string | null,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.tokenPacks.check(id ?? null, input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => TokenPack, { description: 'Creates a token pack; the theme defaults to Countersign blue.' })
  async createTokenPack(@Arg('input', () => TokenPackInput, { description: 'The settings of the new token pack; name is required.' }) input: TokenPackInput, @Ctx() ctx: GraphQLContext): Promise<TokenPack> {
    const id = await ctx.services.tokenPacks.create(input, commandContextOf(ctx));
    return this.tokenPack(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => TokenPack, { description: 'Changes a token pack; fields left out keep their values.' })
  async updateTokenPack(@Arg('id', () => ID, { description: 'The token pack id, from tokenPacks.' }) id: string, @Arg('input', () => TokenPackInput, { description: 'The fields to change.' }) input: TokenPackInput, @Ctx() ctx: GraphQLContext): Promise<TokenPack> {
    await ctx.services.tokenPacks.update(id, input, commandContextOf(ctx));
    return this.tokenPack(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => Boolean, { description: 'Deletes a token pack. Links already sent stop working once enrollment checks the pack.' })
  async deleteTokenPack(@Arg('id', () => ID, { description: 'The token pack id, from tokenPacks.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.tokenPacks.remove(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('config:write')
  @Mutation(() => TokenPack, { description: 'Switches a service on or off for users enrolled with this pack.' })
  async setTokenPackService(
    @Arg('tokenPackId', () => ID, { description: 'The token pack id, from tokenPacks.' }) tokenPackId: string,
    @Arg('serviceId', () => ID, { description: 'The service id, from services.' }) serviceId: string,
    @Arg('enabled', () => Boolean, { description: 'True to enable the service for this pack, false to disable it.' }) enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TokenPack> {
    await ctx.services.tokenPacks.setService(tokenPackId, serviceId, enabled, commandContextOf(ctx));
    return this.tokenPack(tokenPackId, ctx);
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What addTrustedNetwork would answer for this network, without saving.' })
  checkTrustedNetworkInput(
    @Arg('tokenPackId', () => ID, { description: 'The token pack id, from tokenPacks.' }) tokenPackId: string,
    @Arg('input', () => TrustedNetworkInput, { description: 'The network as the form holds it now.' }) input: TrustedNetworkInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.tokenPacks.checkTrustedNetwork(tokenPackId, input, commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => TokenPack, { description: 'Trusts a network (IPv4 or IPv6 address or CIDR range); it is stored in canonical form.' })
  async addTrustedNetwork(
    @Arg('tokenPackId', () => ID, { description: 'The token pack id, from tokenPacks.' }) tokenPackId: string,
    @Arg('input', () => TrustedNetworkInput, { description: 'The network; its CIDR must not already be trusted by this pack.' }) input: TrustedNetworkInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TokenPack> {
    await ctx.services.tokenPacks.addTrustedNetwork(tokenPackId, input, commandContextOf(ctx));
    return this.tokenPack(tokenPackId, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => TokenPack, { description: 'Stops trusting a network.' })
  async removeTrustedNetwork(@Arg('tokenPackId', () => ID, { description: 'The token pack id, from tokenPacks.' }) tokenPackId: string, @Arg('networkId', () => ID, { description: 'The network id, from TokenPack.trustedNetworks.' }) networkId: string, @Ctx() ctx: GraphQLContext): Promise<TokenPack> {
    await ctx.services.tokenPacks.removeTrustedNetwork(tokenPackId, networkId, commandContextOf(ctx));
    return this.tokenPack(tokenPackId, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => [TokenPackSend], {
    description: 'Emails the token pack (QR code and "open on this phone" link) to each address, one email each; returns the queued sends. Links work for expiresInDays (default 14, at most 90).',
  })
  async sendTokenPack(
    @Arg('tokenPackId', () => ID, { description: 'The token pack id; it needs a primary directory.' }) tokenPackId: string,
    @Arg('emails', () => [String], { description: 'Email addresses; an entry may hold several separated by commas, semicolons or spaces. Repeats are dropped; at most 100 addresses.' }) emails: string[],
    @Ctx() ctx: GraphQLContext,
    @Arg('expiresInDays', () => Int, { nullable: true, description: 'Days the enrollment links work, 1 to 90; default 14.' }) expiresInDays?: number,
  ): Promise<TokenPackSend[]> {
    const sendIds = await ctx.services.tokenPacks.send(tokenPackId, emails, expiresInDays, commandContextOf(ctx));
    return ctx.services.tokenPacks.sends(tenantOf(ctx), tokenPackId, sendIds).map(toSend);
  }
}
