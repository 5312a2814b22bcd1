import { randomUUID } from 'node:crypto';
import type { AppServices } from '../app-services';
import { actorOf, type Principal } from '../auth';
import type { CommandContext } from '../commands';
import type { Actor } from '../eventstore';
import { AppError } from '../errors';

export interface RequestInfo {
  ip?: string;
  userAgent?: string;
  correlationId: string;
}

/** Sets and clears cookies on the HTTP response; absent over WebSocket. */
export interface CookieJar {
  setSession(token: string, csrfToken: string, expiresAt: Date): void;
  clearSession(): void;
}

export interface GraphQLContext {
  services: AppServices;
  principal: Principal | null;
  request: RequestInfo;
  cookies?: CookieJar;
}

/** The tenant requests without a principal act on (sign-in, setup): the default tenant. */
export function tenantOf(ctx: GraphQLContext): string {
  return ctx.principal?.tenantId ?? ctx.services.config.COUNTERSIGN_DEFAULT_TENANT;
}

/** Command metadata for a request: its tenant, actor, correlation id, IP and user agent. */
export function commandContextOf(ctx: GraphQLContext, actor: Actor | undefined = ctx.principal ? actorOf(ctx.principal) : undefined): CommandContext {
  return {
    tenantId: tenantOf(ctx),
    actor: actor ?? { kind: 'user', id: 'anonymous' },
    correlationId: ctx.request.correlationId,
    causationId: randomUUID(),
    ...(ctx.request.ip ? { ip: ctx.request.ip } : {}),
    ...(ctx.request.userAgent ? { userAgent: ctx.request.userAgent } : {}),
  };
}

export function requireAdmin(ctx: GraphQLContext): Extract<Principal, { kind: 'admin' }> {
  if (ctx.principal?.kind !== 'admin') throw new AppError('UNAUTHENTICATED', 'Sign in as an admin first.');
  return ctx.principal;
}
