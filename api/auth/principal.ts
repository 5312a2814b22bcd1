import type { AdminRole, Scope } from '../domain/tenant';

/** A permission: an API-key scope, or managing other admins (owners only). */
export type Permission = Scope | 'admins:manage';

const rolePermissions: Record<AdminRole, readonly Permission[]> = {
  owner: ['audit:read', 'config:read', 'config:write', 'users:write', 'admins:manage'],
  admin: ['audit:read', 'config:read', 'config:write', 'users:write'],
  auditor: ['audit:read', 'config:read'],
};

/** Who is calling the admin API. */
export type Principal =
  | { kind: 'admin'; tenantId: string; adminId: string; email: string; role: AdminRole; sessionKey: string; permissions: ReadonlySet<Permission> }
  | { kind: 'apiKey'; tenantId: string; keyId: string; name: string; permissions: ReadonlySet<Permission> };

export function permissionsOfRole(role: AdminRole): ReadonlySet<Permission> {
  return new Set(rolePermissions[role]);
}

export function actorOf(principal: Principal) {
  return principal.kind === 'admin'
    ? { kind: 'admin' as const, id: principal.adminId }
    : { kind: 'integrator' as const, id: principal.keyId };
}
