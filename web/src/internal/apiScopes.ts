import type { ApiScope } from '../graphql/settingsTypes';

/** Each API key scope in words, in the order the Settings page offers them. */
export const API_SCOPES: readonly { value: ApiScope; label: string; hint: string }[] = [
  { value: 'AUDIT_READ', label: 'Read the audit history', hint: 'Audit queries, the live subscriptions and the CSV / JSON Lines export (SIEM, log shippers).' },
  { value: 'CONFIG_READ', label: 'Read configuration', hint: 'Directories, SAML connectors, services, token packs and policies.' },
  { value: 'CONFIG_WRITE', label: 'Change configuration', hint: 'Create, change and delete what CONFIG_READ reads, and send token packs.' },
  { value: 'USERS_WRITE', label: 'Manage users', hint: 'Add, change and remove built-in directory users.' },
];

export function scopeLabel(scope: ApiScope): string {
  return API_SCOPES.find((s) => s.value === scope)?.label ?? scope;
}
