import type { AdminRole } from './events';
import type { TenantEvent } from './events';

export interface TenantState {
  exists: boolean;
  admins: ReadonlyMap<string, { email: string; role: AdminRole }>;
  apiKeys: ReadonlyMap<string, { revoked: boolean }>;
}

export const initialTenantState: TenantState = { exists: false, admins: new Map(), apiKeys: new Map() };

export function evolveTenant(state: TenantState, event: TenantEvent): TenantState {
  switch (event.type) {
    case 'TenantCreated':
      return { ...state, exists: true };
    case 'AdminAdded':
      return { ...state, admins: new Map(state.admins).set(event.data.adminId, { email: event.data.email, role: event.data.role }) };
    case 'AdminRoleChanged': {
      const admin = state.admins.get(event.data.adminId);
      if (!admin) return state;
      return { ...state, admins: new Map(state.admins).set(event.data.adminId, { ...admin, role: event.data.role }) };
    }
    case 'ApiKeyIssued':
      return { ...state, apiKeys: new Map(state.apiKeys).set(event.data.keyId, { revoked: false }) };
    case 'ApiKeyRevoked':
      return { ...state, apiKeys: new Map(state.apiKeys).set(event.data.keyId, { revoked: true }) };
    case 'AdminPasswordChanged':
    case 'SignInPolicySet':
    case 'AuditRetentionSet':
      return state;
  }
}
