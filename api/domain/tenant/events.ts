import type { Sealed } from '../../crypto';
import { adminMembershipEventTypes, type AdminMembershipEvent } from './admin-membership-events';

export * from './admin-membership-events';

export type AdminRole = 'owner' | 'admin' | 'auditor';
export const adminRoles: readonly AdminRole[] = ['owner', 'admin', 'auditor'];

/** What an API key may do; also what each admin role may do (see `permissions.ts`). */
export type Scope = 'audit:read' | 'config:read' | 'config:write' | 'users:write';
export const scopes: readonly Scope[] = ['audit:read', 'config:read', 'config:write', 'users:write'];

export type TenantEvent =
  | { type: 'TenantCreated'; data: { tenantId: string; name: string } }
  | { type: 'AdminAdded'; data: { adminId: string; email: string; role: AdminRole; passwordHash: Sealed } }
  | { type: 'AdminRoleChanged'; data: { adminId: string; role: AdminRole; email?: string } }
  | { type: 'AdminPasswordChanged'; data: { adminId: string; passwordHash: Sealed } }
  | { type: 'ApiKeyIssued'; data: { keyId: string; name: string; scopes: Scope[]; secretHash: string } }
  | { type: 'ApiKeyRevoked'; data: { keyId: string } }
  | { type: 'SignInPolicySet'; data: SignInPolicy }
  | { type: 'AuditRetentionSet'; data: { days: number | null } }
  | AdminMembershipEvent;

/** How many wrong passwords a user (and a client address) may try before waiting. */
export interface SignInPolicy {
  maxFailures: number;
  windowMinutes: number;
}
export const defaultSignInPolicy: SignInPolicy = { maxFailures: 10, windowMinutes: 15 };

export type TenantEventType = TenantEvent['type'];
export const tenantEventTypes: readonly TenantEventType[] = [
  'TenantCreated',
  'AdminAdded',
  'AdminRoleChanged',
  'AdminPasswordChanged',
  'ApiKeyIssued',
  'ApiKeyRevoked',
  'SignInPolicySet',
  'AuditRetentionSet',
  ...adminMembershipEventTypes,
];
