import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { hashPassword, type Sealer } from '../crypto';
import { ADMIN_INVITATION_DAYS, ADMIN_INVITATION_SEAL_CONTEXT, tenantDecider, type AdminRole, type AdminStatus, type TenantCommand, type TenantEvent } from '../domain/tenant';
import { AppError, validationError } from '../errors';
import type { RateLimiter, RateLimitPolicy } from './rate-limiter';
import { randomToken, tokenHash } from './tokens';

/** The same rule as the first owner's password at setup. */
export const MIN_ADMIN_PASSWORD = 12;

/** An admin of a tenant as the list shows them. */
export interface AdminAccountRow {
  id: string;
  email: string;
  role: AdminRole;
  status: AdminStatus;
  created_at: string;
  invited_by_email: string | null;
  invitation_expires_at: string | null;
  invitation_email_problem: string | null;
  last_sign_in_at: string | null;
}

/** What the invitation page shows before the invitee chooses a password. */
export interface InvitationView {
  tenantId: string;
  adminId: string;
  email: string;
  role: AdminRole;
  organisation: string;
  expiresAt: string;
}

export interface AdminListFilter {
  search?: string | null;
  statuses: readonly AdminStatus[];
  first: number;
  after?: string | null;
}

export interface AdminAccountsDeps {
  readDb: Database.Database;
  execute: CommandBus;
  sealer: Sealer;
  limiter: RateLimiter;
  /** The admin sign-in limit, applied per client address to invitation links too. */
  limitPolicy: RateLimitPolicy;
  publicUrl: () => string;
  now: () => Date;
}

const SELECT = `SELECT a.id, a.email, a.role, a.status, a.created_at, a.invitation_expires_at, a.invitation_email_problem, a.last_sign_in_at, i.email AS invited_by_email
  FROM admins a LEFT JOIN admins i ON i.tenant_id = a.tenant_id AND i.id = a.invited_by`;

/**
 * Managing a tenant's admins: listing them, inviting by email (a 7-day single-use link), resending
 * and revoking invitations, changing roles, removing admins, and the invitee's side of the link.
 */
export function createAdminAccounts(deps: AdminAccountsDeps) {
  const byId = deps.readDb.prepare(`${SELECT} WHERE a.tenant_id = ? AND a.id = ?`);
  const invitationByHash = deps.readDb.prepare(
    `SELECT v.tenant_id, v.admin_id, v.status, v.expires_at, a.email, a.role, t.name AS organisation
       FROM admin_invitations v JOIN admins a ON a.tenant_id = v.tenant_id AND a.id = v.admin_id
       LEFT JOIN tenants t ON t.id = v.tenant_id WHERE v.token_hash = ?`,
  );
  const tenantStream = (tenantId: string) => streamId('tenant', tenantId, tenantId);

  /** A fresh link: the token goes only into the sealed link; the event keeps its hash. */
  const newLink = () => {
    const token = randomToken();
    return {
      tokenHash: tokenHash(token),
      link: deps.sealer.seal(`${deps.publicUrl()}/invitation/${token}`, ADMIN_INVITATION_SEAL_CONTEXT),
      expiresAt: new Date(deps.now().getTime() + ADMIN_INVITATION_DAYS * 86_400_000).toISOString(),
    };
  };

  const inviteCommand = (adminId: string, email: string, role: AdminRole, invitedBy: string): TenantCommand =>
    ({ type: 'InviteAdmin', adminId, email, role, invitedBy, ...newLink() });

  const find = (tenantId: string, id: string): AdminAccountRow => {
    const row = byId.get(tenantId, id) as AdminAccountRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'No admin with that id; reload the list.');
    return row;
  };

  /** Counts a bad link against the client address, like a wrong admin password. */
  const limited = async <T>(ip: string | undefined, attempt: () => Promise<T>): Promise<T> => {
    const key = `admin-invitation-ip:${ip ?? 'unknown'}`;
    const verdict = await deps.limiter.check(key, deps.limitPolicy);
    if (!verdict.allowed) {
      throw new AppError('RATE_LIMITED', `Too many invalid invitation links from your address; try again in ${verdict.retryAfterSeconds} seconds.`, {
        retryAfterSeconds: verdict.retryAfterSeconds,
      });
    }
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof AppError && error.code.startsWith('INVITATION_')) await deps.limiter.fail(key, deps.limitPolicy);
      throw error;
    }
  };

  const inspect = (token: string): InvitationView => {
    if (!token || token.length > 200) throw new AppError('INVITATION_INVALID');
    const row = invitationByHash.get(tokenHash(token)) as
      | { tenant_id: string; admin_id: string; status: string; expires_at: string; email: string; role: AdminRole; organisation: string | null }
      | undefined;
    if (!row) throw new AppError('INVITATION_INVALID');
    if (row.status === 'accepted') throw new AppError('INVITATION_USED');
    if (row.status === 'revoked') throw new AppError('INVITATION_REVOKED');
    if (row.status === 'replaced') throw new AppError('INVITATION_INVALID', 'A newer invitation was sent to this address; open the link in the latest invitation email.');
    if (row.expires_at <= deps.now().toISOString()) throw new AppError('INVITATION_EXPIRED');
    return { tenantId: row.tenant_id, adminId: row.admin_id, email: row.email, role: row.role, organisation: row.organisation ?? row.tenant_id, expiresAt: row.expires_at };
  };

  return {
    find,

    /** One page of admins ordered by email; `after` is the previous page's last email. */
    list(tenantId: string, filter: AdminListFilter) {
      if (filter.first < 1 || filter.first > 200) throw validationError({ first: 'ask for between 1 and 200 admins per page' });
      if (filter.statuses.length === 0) throw validationError({ states: 'choose at least one state, or leave it out for invited and active admins' });
      const like = `%${(filter.search ?? '').trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const where = `a.tenant_id = ? AND a.status IN (${filter.statuses.map(() => '?').join(', ')}) AND a.email LIKE ? ESCAPE '\\'`;
      const args = [tenantId, ...filter.statuses, like];
      const fetched = deps.readDb
        .prepare(`${SELECT} WHERE ${where} AND (a.email > ? OR (a.email = ? AND a.id > ?)) ORDER BY a.email, a.id LIMIT ?`)
        .all(...args, ...cursorArgs(filter.after), filter.first + 1) as AdminAccountRow[];
      const rows = fetched.slice(0, filter.first);
      const total = deps.readDb.prepare(`SELECT COUNT(*) FROM admins a WHERE ${where}`).pluck().get(...args) as number;
      const hasNextPage = fetched.length > filter.first;
      const last = rows[rows.length - 1];
      return { rows, total, hasNextPage, endCursor: hasNextPage && last ? `${last.email}\n${last.id}` : null };
    },

    async invite(email: string, role: AdminRole, invitedBy: string, ctx: CommandContext): Promise<string> {
      const adminId = randomUUID();
      await deps.execute(tenantDecider, tenantStream(ctx.tenantId), inviteCommand(adminId, email, role, invitedBy), ctx);
      return adminId;
    },
    /** What {@link invite} would answer, without saving or sending anything (the link it makes is thrown away). */
    async checkInvite(email: string, role: AdminRole, invitedBy: string, ctx: CommandContext): Promise<TenantEvent[]> {
      return (await deps.execute.dryRun(tenantDecider, tenantStream(ctx.tenantId), inviteCommand(randomUUID(), email, role, invitedBy))).events;
    },

    /** A new link valid for another 7 days; the earlier link stops working. */
    async resend(adminId: string, ctx: CommandContext): Promise<void> {
      find(ctx.tenantId, adminId);
      await deps.execute(tenantDecider, tenantStream(ctx.tenantId), { type: 'ResendAdminInvitation', adminId, ...newLink() }, ctx);
    },

    async revoke(adminId: string, ctx: CommandContext): Promise<void> {
      find(ctx.tenantId, adminId);
      await deps.execute(tenantDecider, tenantStream(ctx.tenantId), { type: 'RevokeAdminInvitation', adminId }, ctx);
    },

    async changeRole(adminId: string, role: AdminRole, ctx: CommandContext): Promise<void> {
      find(ctx.tenantId, adminId);
      await deps.execute(tenantDecider, tenantStream(ctx.tenantId), { type: 'ChangeAdminRole', adminId, role }, ctx);
    },

    /** Removes an admin (or revokes their pending invitation); their sessions end with it. */
    async remove(adminId: string, by: string, ctx: CommandContext): Promise<void> {
      find(ctx.tenantId, adminId);
      await deps.execute(tenantDecider, tenantStream(ctx.tenantId), { type: 'RemoveAdmin', adminId, by }, ctx);
    },

    /** The invitation behind a link, or INVITATION_INVALID / _EXPIRED / _USED / _REVOKED. Rate-limited per address. */
    inspectInvitation(token: string, ip: string | undefined): Promise<InvitationView> {
      return limited(ip, async () => inspect(token));
    },

    /** The invitee's side: sets their password and makes them an active admin. Sign them in afterwards. */
    acceptInvitation(token: string, password: string, ctx: Omit<CommandContext, 'tenantId' | 'actor'>): Promise<InvitationView> {
      return limited(ctx.ip, async () => {
        const invitation = inspect(token);
        if ([...password].length < MIN_ADMIN_PASSWORD) throw validationError({ password: `use at least ${MIN_ADMIN_PASSWORD} characters` });
        const passwordHash = deps.sealer.seal(await hashPassword(password), 'admin:passwordHash');
        await deps.execute(
          tenantDecider,
          tenantStream(invitation.tenantId),
          { type: 'AcceptAdminInvitation', adminId: invitation.adminId, tokenHash: tokenHash(token), passwordHash, now: deps.now().toISOString() },
          { ...ctx, tenantId: invitation.tenantId, actor: { kind: 'admin', id: invitation.adminId } },
        );
        return invitation;
      });
    },
  };
}

function cursorArgs(after: string | null | undefined): [string, string, string] {
  if (!after) return ['', '', ''];
  const [email = '', id = ''] = after.split('\n');
  return [email, email, id];
}

export type AdminAccounts = ReturnType<typeof createAdminAccounts>;
