import { evolveAdminMembership } from './evolve-admin-membership';
import type { AdminRole, AdminStatus } from './events';
import type { TenantEvent } from './events';

/** An admin as the tenant's rules see them; `invitation` is the link that works now, if any. */
export interface AdminState {
  email: string;
  role: AdminRole;
  status: AdminStatus;
  invitation?: { tokenHash: string; expiresAt: string };
}

export interface TenantState {
  exists: boolean;
  admins: ReadonlyMap<string, AdminState>;
  apiKeys: ReadonlyMap<string, { revoked: boolean }>;
}

export const initialTenantState: TenantState = { exists: false, admins: new Map(), apiKeys: new Map() };

export function evolveTenant(state: TenantState, event: TenantEvent): TenantState {
  switch (event.type) {
    case 'TenantCreated':
      return { ...state, exists: true };
    case 'AdminAdded':
      return { ...state, admins: new Map(state.admins).set(event.data.adminId, { email: event.data.email, role: event.data.role, status: 'active' }) };
    case 'AdminRoleChanged': {
      const admin = state.admins.get(event.data.adminId);
      if (!admin) return state;
      return { ...state, admins: new Map(state.admins).set(event.data.adminId, { ...admin, role: event.data.role }) };
    }
    case 'ApiKeyIssued':
      return { ...state, apiKeys: new Map(state.apiKeys).set(event.data.keyId, { revoked: false }) };
    case 'ApiKeyRevoked':
      return { ...state, apiKeys: new Map(state.apiKeys).set(event.data.keyId, { revoked: true }) };
    case 'AdminInvited':
    case 'AdminInvitationResent':
    case 'AdminInvitationRevoked':
    case 'AdminInvitationAccepted':
    case 'AdminRemoved':
    case 'AdminInvitationEmailFailed':
      return evolveAdminMembership(state, event);
    case 'AdminPasswordChanged':
    case 'SignInPolicySet':
    case 'AuditRetentionSet':
      return state;
  }
}
