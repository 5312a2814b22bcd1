import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import type { Sealer } from '../crypto';
import {
  ENROLLMENT_URL_SEAL_CONTEXT,
  MAX_RECIPIENTS_PER_SEND,
  tokenPackDecider,
  type LocalUnlockPolicy,
  type TokenPackCommand,
  type TokenPackEvent,
  type TokenPackSettings,
  type TokenPackTheme,
} from '../domain/token-pack';
import { validationError } from '../errors';
import { createEnrollmentLink, DEFAULT_ENROLLMENT_LINK_DAYS } from './enrollment-link';
import { createTokenPackQueries, type TokenPackRow } from './token-pack-queries';

/** The theme a new token pack starts with. */
export const DEFAULT_TOKEN_PACK_THEME: TokenPackTheme = { primaryColor: '#1f4e79', accentColor: '#2e86de', logoUrl: null };
/** Longest an enrollment link may be made to work. */
export const MAX_ENROLLMENT_LINK_DAYS = 90;

/**
 * What an admin submits on the INFO tab. On update a field left out (or null) keeps its
 * value; an empty icon, logo or primary directory clears it.
 */
export interface TokenPackInput {
  name?: string | null;
  icon?: string | null;
  primaryDirectoryId?: string | null;
  theme?: { primaryColor?: string | null; accentColor?: string | null; logoUrl?: string | null } | null;
  /** What the web authenticator asks before each approval; NONE for a new pack. */
  localUnlock?: LocalUnlockPolicy | null;
}

export interface TrustedNetworkInput {
  name: string;
  /** An IPv4 or IPv6 address or CIDR range. */
  cidr: string;
  description?: string | null;
}

export interface TokenPackServiceDeps {
  readDb: Database.Database;
  execute: CommandBus;
  sealer: Sealer;
  /** `deriveKey(masterKey, 'enrollment-link')`. */
  enrollmentLinkKey: Buffer;
  /** Read at each send, so a public URL fixed after start-up is the one links use. */
  config: { readonly publicUrl: string };
  now: () => Date;
}

/** Token packs: settings, services, trusted networks, and sending them by email. */
export function createTokenPackService(deps: TokenPackServiceDeps) {
  const queries = createTokenPackQueries(deps.readDb);
  const stream = (ctx: CommandContext, id: string) => streamId('tokenPack', ctx.tenantId, id);
  const run = (ctx: CommandContext, id: string, command: TokenPackCommand) => deps.execute(tokenPackDecider, stream(ctx, id), command, ctx);
  const directoryFacts = (tenantId: string, directoryId: string | null) => ({
    primaryDirectoryExists: directoryId !== null && queries.directoryName(tenantId, directoryId) !== null,
  });

  const settingsOf = (input: TokenPackInput, current?: TokenPackRow): TokenPackSettings => {
    const theme = current ? (JSON.parse(current.theme) as TokenPackTheme) : DEFAULT_TOKEN_PACK_THEME;
    return {
      name: input.name ?? current?.name ?? '',
      icon: input.icon ?? current?.icon ?? null,
      primaryDirectoryId: input.primaryDirectoryId ?? current?.primary_directory_id ?? null,
      theme: {
        primaryColor: input.theme?.primaryColor ?? theme.primaryColor,
        accentColor: input.theme?.accentColor ?? theme.accentColor,
        logoUrl: input.theme?.logoUrl ?? theme.logoUrl ?? null,
      },
      localUnlock: input.localUnlock ?? current?.local_unlock ?? 'NONE',
    };
  };

  const createCommand = (tokenPackId: string, input: TokenPackInput, ctx: CommandContext, options: { template?: boolean }): TokenPackCommand => {
    const settings = settingsOf(input);
    return { type: 'CreateTokenPack', tokenPackId, settings, facts: directoryFacts(ctx.tenantId, settings.primaryDirectoryId), template: options.template };
  };
  const updateCommand = (id: string, input: TokenPackInput, ctx: CommandContext): TokenPackCommand => {
    const settings = settingsOf(input, queries.find(ctx.tenantId, id));
    return { type: 'UpdateTokenPack', settings, facts: directoryFacts(ctx.tenantId, settings.primaryDirectoryId || null) };
  };
  const addNetworkCommand = (networkId: string, input: TrustedNetworkInput): TokenPackCommand =>
    ({ type: 'AddTrustedNetwork', network: { networkId, name: input.name, cidr: input.cidr, description: input.description ?? '' } });

  return {
    ...queries,
    async create(input: TokenPackInput, ctx: CommandContext, options: { template?: boolean } = {}): Promise<string> {
      const tokenPackId = randomUUID();
      await run(ctx, tokenPackId, createCommand(tokenPackId, input, ctx, options));
      return tokenPackId;
    },
    async update(id: string, input: TokenPackInput, ctx: CommandContext): Promise<void> {
      await run(ctx, id, updateCommand(id, input, ctx));
    },
    /** What {@link create} (no id) or {@link update} would answer for this input, without saving; throws the same errors. */
    async check(id: string | null, input: TokenPackInput, ctx: CommandContext): Promise<TokenPackEvent[]> {
      const packId = id ?? randomUUID();
      const command = id === null ? createCommand(packId, input, ctx, {}) : updateCommand(id, input, ctx);
      return (await deps.execute.dryRun(tokenPackDecider, stream(ctx, packId), command)).events;
    },
    async remove(id: string, ctx: CommandContext): Promise<void> {
      queries.find(ctx.tenantId, id);
      await run(ctx, id, { type: 'DeleteTokenPack' });
    },
    async setService(id: string, serviceId: string, enabled: boolean, ctx: CommandContext): Promise<void> {
      queries.find(ctx.tenantId, id);
      await run(ctx, id, { type: 'SetService', serviceId, enabled, serviceExists: queries.serviceExists(ctx.tenantId, serviceId) });
    },
    async addTrustedNetwork(id: string, input: TrustedNetworkInput, ctx: CommandContext): Promise<string> {
      queries.find(ctx.tenantId, id);
      const networkId = randomUUID();
      await run(ctx, id, addNetworkCommand(networkId, input));
      return networkId;
    },
    /** What {@link addTrustedNetwork} would answer for this network, without saving; throws the same errors. */
    async checkTrustedNetwork(id: string, input: TrustedNetworkInput, ctx: CommandContext): Promise<TokenPackEvent[]> {
      queries.find(ctx.tenantId, id);
      return (await deps.execute.dryRun(tokenPackDecider, stream(ctx, id), addNetworkCommand(randomUUID(), input))).events;
    },
    async removeTrustedNetwork(id: string, networkId: string, ctx: CommandContext): Promise<void> {
      queries.find(ctx.tenantId, id);
      await run(ctx, id, { type: 'RemoveTrustedNetwork', networkId });
    },
    /**
     * Queues one email per address (entries may hold several, separated by commas, semicolons
     * or spaces; repeats are dropped). Each gets its own signed link, sealed into its event,
     * valid for `expiresInDays` (default 14). Returns the send ids in address order.
     */
    async send(id: string, emails: readonly string[], expiresInDays: number | null | undefined, ctx: CommandContext): Promise<string[]> {
      const row = queries.find(ctx.tenantId, id);
      const days = expiresInDays ?? DEFAULT_ENROLLMENT_LINK_DAYS;
      if (!Number.isInteger(days) || days < 1 || days > MAX_ENROLLMENT_LINK_DAYS) {
        throw validationError({ expiresInDays: `Choose how many days the link works: 1 to ${MAX_ENROLLMENT_LINK_DAYS}.` });
      }
      const addresses = uniqueAddresses(emails);
      if (addresses.length > MAX_RECIPIENTS_PER_SEND) throw validationError({ emails: `Send to at most ${MAX_RECIPIENTS_PER_SEND} addresses at a time.` });
      const expiresAt = new Date(deps.now().getTime() + days * 86_400_000);
      const sends = addresses.map((email) => {
        const sendId = randomUUID();
        const { url } = createEnrollmentLink({ publicUrl: deps.config.publicUrl, key: deps.enrollmentLinkKey, tenantId: ctx.tenantId, tokenPackId: id, sendId, expiresAt });
        return { sendId, email, enrollmentUrl: deps.sealer.seal(url, ENROLLMENT_URL_SEAL_CONTEXT), expiresAt: expiresAt.toISOString() };
      });
      await run(ctx, id, { type: 'RequestSend', sends, facts: directoryFacts(ctx.tenantId, row.primary_directory_id) });
      return sends.map((s) => s.sendId);
    },
  };
}

/** Splits entries on commas, semicolons and white space; keeps the first of repeats (any case). */
function uniqueAddresses(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of entries.flatMap((entry) => entry.split(/[\s,;]+/))) {
    const key = address.toLowerCase();
    if (!address || seen.has(key)) continue;
    seen.add(key);
    out.push(address);
  }
  return out;
}

export type TokenPackService = ReturnType<typeof createTokenPackService>;
