import { AppError, validationError } from '../../errors';
import { isAdminMembershipCommand } from './admin-membership-commands';
import type { TenantCommand } from './commands';
import { activeOwnerCount, decideAdminMembership, requireFreeEmail } from './decide-admin-membership';
import type { TenantEvent } from './events';
import type { TenantState } from './evolve';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function decideTenant(command: TenantCommand, state: TenantState): TenantEvent[] {
  if (command.type === 'CreateTenant') {
    if (state.exists) return [];
    if (!command.name.trim()) throw validationError({ name: 'give the organisation a name' });
    return [{ type: 'TenantCreated', data: { tenantId: command.tenantId, name: command.name.trim() } }];
  }
  if (!state.exists) throw new AppError('NOT_FOUND', 'This organisation does not exist.');
  if (isAdminMembershipCommand(command)) return decideAdminMembership(command, state);

  switch (command.type) {
    case 'AddAdmin': {
      const email = command.email.trim().toLowerCase();
      if (!EMAIL.test(email)) throw validationError({ email: 'enter an email address like name@example.com' });
      requireFreeEmail(state, email);
      const hasOwner = activeOwnerCount(state) > 0;
      if (command.bySetup && hasOwner) throw new AppError('SETUP_ALREADY_DONE');
      if (!hasOwner && command.role !== 'owner') throw validationError({ role: 'the first admin must be an owner' });
      return [
        {
          type: 'AdminAdded',
          data: { adminId: command.adminId, email, role: command.role, passwordHash: command.passwordHash },
        },
      ];
    }
    case 'ChangeAdminRole': {
      const admin = state.admins.get(command.adminId);
      if (!admin || admin.status === 'removed') throw new AppError('NOT_FOUND', 'No admin with that id.');
      if (admin.role === command.role) return [];
      if (admin.status === 'active' && admin.role === 'owner' && activeOwnerCount(state) === 1) throw new AppError('LAST_OWNER');
      return [{ type: 'AdminRoleChanged', data: { adminId: command.adminId, role: command.role, email: admin.email } }];
    }
    case 'ChangeAdminPassword': {
      if (state.admins.get(command.adminId)?.status !== 'active') throw new AppError('NOT_FOUND', 'No admin with that id.');
      return [{ type: 'AdminPasswordChanged', data: { adminId: command.adminId, passwordHash: command.passwordHash } }];
    }
    case 'IssueApiKey': {
      if (!command.name.trim()) throw validationError({ name: 'name the key after the integration that will use it' });
      if (command.scopes.length === 0) throw validationError({ scopes: 'choose at least one scope' });
      if (state.apiKeys.has(command.keyId)) throw new AppError('ALREADY_EXISTS', 'An API key with that id already exists.');
      return [
        {
          type: 'ApiKeyIssued',
          data: { keyId: command.keyId, name: command.name.trim(), scopes: [...new Set(command.scopes)], secretHash: command.secretHash },
        },
      ];
    }
    case 'SetSignInPolicy': {
      const { maxFailures, windowMinutes } = command.policy;
      const problems: Record<string, string> = {};
      if (!Number.isInteger(maxFailures) || maxFailures < 3 || maxFailures > 100) problems.maxFailures = 'allow between 3 and 100 wrong passwords';
      if (!Number.isInteger(windowMinutes) || windowMinutes < 1 || windowMinutes > 24 * 60) problems.windowMinutes = 'use between 1 minute and 24 hours (1440)';
      if (Object.keys(problems).length) throw validationError(problems);
      return [{ type: 'SignInPolicySet', data: { maxFailures, windowMinutes } }];
    }
    case 'SetAuditRetention': {
      if (command.days !== null && (!Number.isInteger(command.days) || command.days < 1 || command.days > 3650)) {
        throw validationError({ days: 'keep between 1 and 3650 days, or clear it to keep everything' });
      }
      return [{ type: 'AuditRetentionSet', data: { days: command.days } }];
    }
    case 'RevokeApiKey': {
      const key = state.apiKeys.get(command.keyId);
      if (!key) throw new AppError('NOT_FOUND', 'No API key with that id.');
      if (key.revoked) return [];
      return [{ type: 'ApiKeyRevoked', data: { keyId: command.keyId } }];
    }
  }
}
