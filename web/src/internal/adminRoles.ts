import type { AdminState } from '../graphql/adminTypes';
import type { AdminRole } from '../graphql/types';

/** Each admin role in words, most powerful first, with one line on what it may do. */
export const ADMIN_ROLES: readonly { value: AdminRole; label: string; explanation: string }[] = [
  { value: 'OWNER', label: 'Owner', explanation: 'Everything, including inviting and removing admins and managing API keys.' },
  { value: 'ADMIN', label: 'Admin', explanation: 'Changes directories, services, token packs, users and settings; cannot manage admins.' },
  { value: 'AUDITOR', label: 'Auditor', explanation: 'Reads the configuration and the audit history; changes nothing.' },
];

export function roleLabel(role: AdminRole): string {
  return ADMIN_ROLES.find((r) => r.value === role)?.label ?? role;
}

export function roleExplanation(role: AdminRole): string {
  return ADMIN_ROLES.find((r) => r.value === role)?.explanation ?? '';
}

export const ADMIN_STATE_LABELS: Record<AdminState, string> = { INVITED: 'Invited', ACTIVE: 'Active', REMOVED: 'Removed' };
