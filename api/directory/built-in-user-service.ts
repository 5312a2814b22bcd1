import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { hashPassword, type Sealer } from '../crypto';
import { randomToken, tokenHash } from '../auth/tokens';
import { directoryUserDecider, directoryUserId, PASSWORD_LINK_SEAL_CONTEXT, type DirectoryUserCommand, type DirectoryUserEvent, type DirectoryUserFields } from '../domain/directory-user';
import { AppError, validationError } from '../errors';

export interface BuiltInUserInput {
  username: string;
  email: string;
  displayName: string;
  phone?: string | null;
  /** Base64 of 16 bytes; generated when left out. */
  immutableId?: string | null;
  enabled?: boolean | null;
  /** Optional first password; at least 10 characters. */
  password?: string | null;
}

export interface UserRow {
  id: string;
  connector_id: string;
  username: string;
  email: string;
  display_name: string;
  phone: string | null;
  immutable_id: string;
  enabled: number;
  password_set_at: string | null;
  created_at: string;
}

const MIN_PASSWORD = 10;

/** Managing users of a built-in directory: add, edit, remove, set passwords. */
/** How long an emailed password link works. */
export const PASSWORD_LINK_HOURS = 24;

export function createBuiltInUserService(deps: { readDb: Database.Database; execute: CommandBus; sealer: Sealer; publicUrl: () => string; now: () => Date }) {
  const connector = deps.readDb.prepare('SELECT type FROM directory_connectors WHERE tenant_id = ? AND id = ?').pluck();
  const userById = deps.readDb.prepare('SELECT * FROM directory_users WHERE tenant_id = ? AND id = ?');
  const stream = (ctx: CommandContext, userId: string) => streamId('directoryUser', ctx.tenantId, userId);

  const requireBuiltIn = (tenantId: string, connectorId: string) => {
    const type = connector.get(tenantId, connectorId);
    if (!type) throw new AppError('NOT_FOUND', 'No directory connector with that id.');
    if (type !== 'BUILT_IN') throw new AppError('BAD_USER_INPUT', 'Users can only be managed here for a built-in directory; LDAP users live in their own directory.');
  };

  const checkPassword = (password: string) => {
    if (password.length < MIN_PASSWORD) throw validationError({ password: `use at least ${MIN_PASSWORD} characters` });
  };
  const sealedHash = async (password: string) => {
    checkPassword(password);
    return deps.sealer.seal(await hashPassword(password), 'directoryUser:passwordHash');
  };

  const fieldsOf = (input: Omit<BuiltInUserInput, 'username' | 'password'>, current?: UserRow): DirectoryUserFields => ({
    email: input.email.trim(),
    displayName: input.displayName.trim(),
    phone: input.phone?.trim() || null,
    immutableId: input.immutableId?.trim() || current?.immutable_id || randomBytes(16).toString('base64'),
    enabled: input.enabled ?? (current ? current.enabled === 1 : true),
  });

  const addCommand = (connectorId: string, input: BuiltInUserInput): { userId: string; command: DirectoryUserCommand } => {
    const username = input.username.trim();
    const userId = directoryUserId(connectorId, username);
    return { userId, command: { type: 'AddUser', connectorId, userId, username, fields: fieldsOf(input) } };
  };

  return {
    find(tenantId: string, userId: string): UserRow {
      const row = userById.get(tenantId, userId) as UserRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No such user in this directory.');
      return row;
    },
    async add(connectorId: string, input: BuiltInUserInput, ctx: CommandContext): Promise<string> {
      requireBuiltIn(ctx.tenantId, connectorId);
      const passwordHash = input.password ? await sealedHash(input.password) : undefined;
      const { userId, command } = addCommand(connectorId, input);
      await deps.execute(directoryUserDecider, stream(ctx, userId), command, ctx);
      if (passwordHash) await deps.execute(directoryUserDecider, stream(ctx, userId), { type: 'SetPassword', passwordHash, by: 'admin' }, ctx);
      return userId;
    },
    /** What {@link add} would answer for this user, without saving (the password is checked, not hashed). */
    async checkAdd(connectorId: string, input: BuiltInUserInput, ctx: CommandContext): Promise<DirectoryUserEvent[]> {
      requireBuiltIn(ctx.tenantId, connectorId);
      if (input.password) checkPassword(input.password);
      const { userId, command } = addCommand(connectorId, input);
      return (await deps.execute.dryRun(directoryUserDecider, stream(ctx, userId), command)).events;
    },
    async update(userId: string, input: Omit<BuiltInUserInput, 'username' | 'password'>, ctx: CommandContext): Promise<void> {
      const current = this.find(ctx.tenantId, userId);
      await deps.execute(directoryUserDecider, stream(ctx, userId), { type: 'UpdateUser', fields: fieldsOf(input, current) }, ctx);
    },
    async remove(userId: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, userId);
      await deps.execute(directoryUserDecider, stream(ctx, userId), { type: 'RemoveUser' }, ctx);
    },
    /** Emails the user a single-use link to choose their password (it replaces any earlier link). */
    async sendPasswordLink(userId: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, userId);
      const token = randomToken();
      const link = `${deps.publicUrl()}/password/${encodeURIComponent(ctx.tenantId)}/${encodeURIComponent(userId)}?t=${token}`;
      await deps.execute(directoryUserDecider, stream(ctx, userId), {
        type: 'IssuePasswordLink',
        tokenHash: tokenHash(token),
        link: deps.sealer.seal(link, PASSWORD_LINK_SEAL_CONTEXT),
        expiresAt: new Date(deps.now().getTime() + PASSWORD_LINK_HOURS * 3_600_000).toISOString(),
      }, ctx);
    },
    /** The user's side of the link: sets the password if the link is current and unexpired. */
    async setPasswordWithLink(userId: string, token: string, password: string, ctx: CommandContext): Promise<void> {
      await deps.execute(directoryUserDecider, stream(ctx, userId), {
        type: 'SetPasswordWithLink', tokenHash: tokenHash(token), passwordHash: await sealedHash(password), now: deps.now().toISOString(),
      }, ctx);
    },
    async setPassword(userId: string, password: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, userId);
      await deps.execute(directoryUserDecider, stream(ctx, userId), { type: 'SetPassword', passwordHash: await sealedHash(password), by: 'admin' }, ctx);
    },
  };
}

export type BuiltInUserService = ReturnType<typeof createBuiltInUserService>;
