import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import { commandContextOf, requireAdmin, tenantOf, type GraphQLContext } from '../context';
import { Admin, AdminRoleEnum, AdminSession } from '../types/admin.type';
import type { Principal } from '../../auth';

function toAdmin(p: Extract<Principal, { kind: 'admin' }>): Admin {
  return { id: p.adminId, email: p.email, role: p.role as AdminRoleEnum, tenantId: p.tenantId };
}

@Resolver()
export class SessionResolver {
  @Query(() => Admin, { nullable: true, description: 'The signed-in admin, or null.' })
  me(@Ctx() ctx: GraphQLContext): Admin | null {
    return ctx.principal?.kind === 'admin' ? toAdmin(ctx.principal) : null;
  }

  @Query(() => Boolean, { description: 'True until the first owner has been created (first run).' })
  setupRequired(@Ctx() ctx: GraphQLContext): boolean {
    return ctx.services.firstOwner.setupRequired(tenantOf(ctx));
  }

  @Mutation(() => AdminSession, { description: 'Signs an admin in; sets the HttpOnly session cookie and the CSRF cookie.' })
  async signIn(
    @Arg('email', () => String, { description: "The admin's email address." }) email: string,
    @Arg('password', () => String, { description: "The admin's password; never stored or logged." }) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminSession> {
    if (!ctx.cookies) throw new AppError('BAD_USER_INPUT', 'Sign in over HTTP, not over a WebSocket.');
    const signedIn = await ctx.services.adminSessions.signIn(email, password, commandContextOf(ctx));
    ctx.cookies.setSession(signedIn.token, signedIn.csrfToken, signedIn.expiresAt);
    ctx.services.metrics.adminSignIns.inc({ outcome: 'success' });
    return { admin: toAdmin(signedIn.principal), csrfToken: signedIn.csrfToken };
  }

  @Mutation(() => Boolean, { description: 'Ends the current admin session.' })
  async signOut(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    const admin = requireAdmin(ctx);
    await ctx.services.adminSessions.signOut(admin, commandContextOf(ctx));
    ctx.cookies?.clearSession();
    return true;
  }

  @Mutation(() => AdminSession, { description: 'First run only: creates the first owner with the token from the setup link, and signs in.' })
  async completeSetup(
    @Arg('token', () => String, { description: 'The token from the one-time setup link (/setup?token=...) printed to the server log at start.' }) token: string,
    @Arg('email', () => String, { description: "The first owner's email address, used to sign in." }) email: string,
    @Arg('password', () => String, { description: "The first owner's password, at least 12 characters." }) password: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AdminSession> {
    await ctx.services.firstOwner.completeSetup(token, email, password, commandContextOf(ctx, { kind: 'user', id: 'setup' }));
    return this.signIn(email, password, ctx);
  }
}
