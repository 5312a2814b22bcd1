import type { Sealed } from '../../crypto';
import type { AdminMembershipCommand } from './admin-membership-commands';
import type { AdminRole, Scope, SignInPolicy } from './events';

export type TenantCommand =
  | { type: 'CreateTenant'; tenantId: string; name: string }
  | { type: 'AddAdmin'; adminId: string; email: string; role: AdminRole; passwordHash: Sealed; bySetup?: boolean }
  | { type: 'ChangeAdminRole'; adminId: string; role: AdminRole }
  | { type: 'ChangeAdminPassword'; adminId: string; passwordHash: Sealed }
  | { type: 'IssueApiKey'; keyId: string; name: string; scopes: Scope[]; secretHash: string }
  | { type: 'RevokeApiKey'; keyId: string }
  | { type: 'SetSignInPolicy'; policy: SignInPolicy }
  | { type: 'SetAuditRetention'; days: number | null }
  | AdminMembershipCommand;
