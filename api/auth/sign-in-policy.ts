import type Database from 'better-sqlite3';
import { defaultSignInPolicy, type SignInPolicy } from '../domain/tenant';
import type { RateLimitPolicy } from './rate-limiter';

/** Reads each tenant's sign-in lockout policy from the tenants read model. */
export function createSignInPolicies(readDb: Database.Database) {
  const byTenant = readDb.prepare('SELECT signin_max_failures AS maxFailures, signin_window_minutes AS windowMinutes FROM tenants WHERE id = ?');
  return {
    of(tenantId: string): SignInPolicy {
      return (byTenant.get(tenantId) as SignInPolicy | undefined) ?? defaultSignInPolicy;
    },
    /** The policy as the rate limiter takes it. */
    limitOf(tenantId: string): RateLimitPolicy {
      const policy = this.of(tenantId);
      return { limit: policy.maxFailures, windowSeconds: policy.windowMinutes * 60 };
    },
  };
}

export type SignInPolicies = ReturnType<typeof createSignInPolicies>;
