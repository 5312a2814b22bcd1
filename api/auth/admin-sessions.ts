import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { dummyPasswordHash, verifyPassword, type Sealed, type Sealer } from '../crypto';
import { adminSessionDecider, type AdminSignInFailure } from '../domain/admin-session';
import type { AdminRole } from '../domain/tenant';
import { AppError } from '../errors';
import { permissionsOfRole, type Principal } from './principal';
import type { RateLimiter, RateLimitPolicy } from './rate-limiter';
import { csrfTokenFor, randomToken, tokenHash } from './tokens';

export interface AdminRow {
  id: string;
  tenant_id: string;
  email: string;
  role: AdminRole;
  password_hash: Sealed;
}

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  principal: Extract<Principal, { kind: 'admin' }>;
}

export interface AdminSessionsDeps {
  readDb: Database.Database;
  execute: CommandBus;
  sealer: Sealer;
  limiter: RateLimiter;
  limitPolicy: RateLimitPolicy;
  csrfKey: Buffer;
  sessionHours: number;
  now: () => Date;
}

/** Admin sign-in, sign-out and session lookup. Every attempt is an event; passwords never are. */
export function createAdminSessions(deps: AdminSessionsDeps) {
  // Only active admins: an invited one has no password yet, and a removed one's sessions end at once.
  const findAdmin = deps.readDb.prepare("SELECT * FROM admins WHERE tenant_id = ? AND email = ? AND status = 'active'");
  const adminById = deps.readDb.prepare("SELECT * FROM admins WHERE tenant_id = ? AND id = ? AND status = 'active'");
  const sessionByKey = deps.readDb.prepare('SELECT * FROM admin_sessions WHERE session_key = ?');

  const recordFailure = async (email: string, reason: AdminSignInFailure, ctx: CommandContext) => {
    await deps.execute(adminSessionDecider, streamId('adminSignIn', ctx.tenantId, randomUUID()), { type: 'RecordFailedSignIn', email, reason }, ctx);
  };

  const toPrincipal = (admin: AdminRow, sessionKey: string): SignedIn['principal'] => ({
    kind: 'admin',
    tenantId: admin.tenant_id,
    adminId: admin.id,
    email: admin.email,
    role: admin.role,
    sessionKey,
    permissions: permissionsOfRole(admin.role),
  });

  return {
    async signIn(emailInput: string, password: string, ctx: CommandContext): Promise<SignedIn> {
      const email = emailInput.trim().toLowerCase();
      const keys = [`admin-email:${ctx.tenantId}:${email}`, `admin-ip:${ctx.ip ?? 'unknown'}`];
      for (const key of keys) {
        const verdict = await deps.limiter.check(key, deps.limitPolicy);
        if (!verdict.allowed) {
          await recordFailure(email, 'RATE_LIMITED', ctx);
          throw new AppError('RATE_LIMITED', `Too many failed sign-ins; try again in ${verdict.retryAfterSeconds} seconds.`, {
            retryAfterSeconds: verdict.retryAfterSeconds,
          });
        }
      }
      const admin = findAdmin.get(ctx.tenantId, email) as AdminRow | undefined;
      // Verify against a dummy hash for unknown emails so timing does not reveal who is an admin.
      const stored = admin ? deps.sealer.unseal(admin.password_hash, 'admin:passwordHash') : await dummyPasswordHash();
      const ok = (await verifyPassword(password, stored)) && admin !== undefined;
      if (!ok) {
        await Promise.all(keys.map((k) => deps.limiter.fail(k, deps.limitPolicy)));
        await recordFailure(email, admin ? 'WRONG_PASSWORD' : 'UNKNOWN_EMAIL', ctx);
        throw new AppError('INVALID_CREDENTIALS');
      }
      await deps.limiter.reset(keys[0]!);
      const token = randomToken();
      const sessionKey = tokenHash(token);
      const expiresAt = new Date(deps.now().getTime() + deps.sessionHours * 3_600_000);
      await deps.execute(
        adminSessionDecider,
        streamId('adminSession', ctx.tenantId, sessionKey.slice(0, 32)),
        { type: 'SignIn', sessionKey, adminId: admin.id, email, expiresAt: expiresAt.toISOString() },
        { ...ctx, actor: { kind: 'admin', id: admin.id } },
      );
      return { token, csrfToken: csrfTokenFor(deps.csrfKey, token), expiresAt, principal: toPrincipal(admin, sessionKey) };
    },

    async signOut(principal: Extract<Principal, { kind: 'admin' }>, ctx: CommandContext): Promise<void> {
      await deps.execute(adminSessionDecider, streamId('adminSession', ctx.tenantId, principal.sessionKey.slice(0, 32)), { type: 'SignOut' }, ctx);
    },

    /** The admin behind a session cookie token, or null when it is unknown, ended or expired. */
    fromToken(token: string): SignedIn['principal'] | null {
      const sessionKey = tokenHash(token);
      const session = sessionByKey.get(sessionKey) as { tenant_id: string; admin_id: string; expires_at: string } | undefined;
      if (!session || Date.parse(session.expires_at) <= deps.now().getTime()) return null;
      const admin = adminById.get(session.tenant_id, session.admin_id) as AdminRow | undefined;
      return admin ? toPrincipal(admin, sessionKey) : null;
    },

    csrfTokenFor: (token: string) => csrfTokenFor(deps.csrfKey, token),
  };
}

export type AdminSessions = ReturnType<typeof createAdminSessions>;
