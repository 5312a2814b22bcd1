import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AdminAccountRow } from '../../auth';
import type { AdminRole, AdminStatus } from '../../domain/tenant';
import { AppError } from '../../errors';
import { commandContextOf, requireAdmin, tenantOf, type GraphQLContext } from '../context';
import { AdminAccount, AdminAccountPage, AdminInvitation, AdminStateEnum, InviteAdminInput } from '../types/admin-account.type';
import { AdminRoleEnum, AdminSession } from '../types/admin.type';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';

const toAccount = (row: AdminAccountRow, ctx: GraphQLContext): AdminAccount => ({
  id: row.id,
  email: row.email,
  role: row.role as AdminRoleEnum,
  state: row.status as AdminStateEnum,
  invitedBy: row.invited_by_email,
  createdAt: new Date(row.created_at),
  lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at) : null,
  invitationExpiresAt: row.status === 'invited' && row.invitation_expires_at ? new Date(row.invitation_expires_at) : null,
  invitationEmailProblem: row.status === 'invited' ? row.invitation_email_problem : null,
  isYou: ctx.principal?.kind === 'admin' && ctx.principal.adminId === row.id,
});

/** Settings › Admins & roles: everyone who can read the configuration sees the list; only owners change it. */
@Resolver()
export class AdminAccountResolver {
  @Authorized('config:read')
  @Query(() => AdminAccountPage, { description: 'Admins of your organisation by email, searchable; removed admins only when asked for in `states`.' })
  admins(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true, description: 'Only admins whose email contains this text, ignoring case.' }) search?: string,
    @Arg('states', () => [AdminStateEnum], { nullable: true, description: 'Only admins in these states; default INVITED and ACTIVE.' }) states?: AdminStateEnum[],
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many admins per page, 1 to 200.' }) first = 50,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
  ): AdminAccountPage {
    const statuses = (states ?? [AdminStateEnum.INVITED, AdminStateEnum.ACTIVE]) as string[] as AdminStatus[];
    const page = ctx.services.adminAccounts.list(tenantOf(ctx), { search: search ?? null, statuses: [...new Set(statuses)], first, after: after ?? null });
    return { admins: page.rows.map((row) => toAccount(row, ctx)), total: page.total, hasNextPage: page.hasNextPage, endCursor: page.endCursor };
  }

  @Authorized('admins:manage')
  @Query(() => InputCheck, { description: 'What inviteAdmin would answer for this email and role, without inviting or emailing anyone (owners only).' })
  checkInviteAdminInput(@Arg('input', () => InviteAdminInput, { description: 'The email and role as the form holds them now.' }) input: InviteAdminInput, @Ctx() ctx: GraphQLContext): Promise<InputCheck> {
    const me = requireAdmin(ctx);
    return inputCheckOf(() => ctx.services.adminAccounts.checkInvite(input.email, input.role as AdminRole, me.adminId, commandContextOf(ctx)));
  }

  @Authorized('admins:manage')
  @Mutation(() => AdminAccount, { description: 'Invites an admin: emails them a link, valid for 7 days and usable once, to choose a password (owners only).' })
  async inviteAdmin(@Arg('input', () => InviteAdminInput, { description: 'Their email and role.' }) input: InviteAdminInput, @Ctx() ctx: GraphQLContext): Promise<AdminAccount> {
    const me = requireAdmin(ctx);
    const id = await ctx.services.adminAccounts.invite(input.email, input.role as AdminRole, me.adminId, commandContextOf(ctx));
    return toAccount(ctx.services.adminAccounts.find(tenantOf(ctx), id), ctx);
  }

  @Authorized('admins:manage')
  @Mutation(() => AdminAccount, { description: 'Emails a pending invitation again with a new link valid for 7 days; the earlier link stops working (owners only).' })
  async resendAdminInvitation(@Arg('id', () => ID, { description: 'The invited admin, from admins.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<AdminAccount> {
    requireAdmin(ctx);
    await ctx.services.adminAccounts.resend(id, commandContextOf(ctx));
    return toAccount(ctx.services.adminAccounts.find(tenantOf(ctx), id), ctx);
  }

  @Authorized('admins:manage')
  @Mutation(() => AdminAccount, { description: 'Withdraws a pending invitation: its link stops working and the admin shows as REMOVED (owners only).' })
  async revokeAdminInvitation(@Arg('id', () => ID, { description: 'The invited admin, from admins.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<AdminAccount> {
    requireAdmin(ctx);
    await ctx.services.adminAccounts.revoke(id, commandContextOf(ctx));
    return toAccount(ctx.services.adminAccounts.find(tenantOf(ctx), id), ctx);
  }

  @Authorized('admins:manage')
  @Mutation(() => AdminAccount, { description: "Changes an admin's role; it applies to their next request. The last owner cannot be demoted (owners only)." })
  async changeAdminRole(
    @Arg('id', () => ID, { description: 'The admin, from admins.' }) id: string,
    @Arg('role', () => AdminRoleEnum, { description: 'The new role.' }) role: AdminRoleEnum,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminAccount> {
    requireAdmin(ctx);
    await ctx.services.adminAccounts.changeRole(id, role as AdminRole, commandContextOf(ctx));
    return toAccount(ctx.services.adminAccounts.find(tenantOf(ctx), id), ctx);
  }

  @Authorized('admins:manage')
  @Mutation(() => AdminAccount, {
    description: 'Removes an admin and ends their sessions at once (a pending invitation is revoked instead). You cannot remove yourself or the last owner (owners only).',
  })
  async removeAdmin(@Arg('id', () => ID, { description: 'The admin, from admins.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<AdminAccount> {
    const me = requireAdmin(ctx);
    await ctx.services.adminAccounts.remove(id, me.adminId, commandContextOf(ctx));
    return toAccount(ctx.services.adminAccounts.find(tenantOf(ctx), id), ctx);
  }

  @Query(() => AdminInvitation, { description: 'The invitation behind an emailed link, for the page where the invitee chooses a password. Invalid links are rate-limited per address.' })
  async adminInvitation(@Arg('token', () => String, { description: 'The token from the link /invitation/<token>.' }) token: string, @Ctx() ctx: GraphQLContext): Promise<AdminInvitation> {
    const view = await ctx.services.adminAccounts.inspectInvitation(token, ctx.request.ip);
    return { email: view.email, role: view.role as AdminRoleEnum, organisation: view.organisation, expiresAt: new Date(view.expiresAt) };
  }

  @Mutation(() => AdminSession, { description: 'Accepts an admin invitation: sets the password (at least 12 characters), and signs the new admin in. Rate-limited per address.' })
  async acceptAdminInvitation(
    @Arg('token', () => String, { description: 'The token from the link /invitation/<token>.' }) token: string,
    @Arg('password', () => String, { description: 'The new admin password, at least 12 characters; stored only as a hash.' }) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminSession> {
    if (!ctx.cookies) throw new AppError('BAD_USER_INPUT', 'Accept the invitation over HTTP, not over a WebSocket.');
    const { tenantId: _tenant, actor: _actor, ...request } = commandContextOf(ctx);
    const invitation = await ctx.services.adminAccounts.acceptInvitation(token, password, request);
    const signedIn = await ctx.services.adminSessions.signIn(invitation.email, password, { ...commandContextOf(ctx), tenantId: invitation.tenantId });
    ctx.cookies.setSession(signedIn.token, signedIn.csrfToken, signedIn.expiresAt);
    const p = signedIn.principal;
    return { admin: { id: p.adminId, email: p.email, role: p.role as AdminRoleEnum, tenantId: p.tenantId }, csrfToken: signedIn.csrfToken };
  }
}
