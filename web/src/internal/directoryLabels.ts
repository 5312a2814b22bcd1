import type { DirectorySecurity, DirectoryType } from '../graphql/directoryTypes';

/** Directory types in the order the type menu offers them, with the words admins know them by. */
export const DIRECTORY_TYPES: { value: DirectoryType; label: string }[] = [
  { value: 'ACTIVE_DIRECTORY', label: 'Active Directory' },
  { value: 'AZURE_AD_DS', label: 'Azure AD Domain Services' },
  { value: 'OPENLDAP', label: 'OpenLDAP' },
  { value: 'OTHER_LDAP', label: 'Other LDAP server' },
  { value: 'BUILT_IN', label: 'Built-in directory' },
];

export function directoryTypeLabel(type: DirectoryType): string {
  return DIRECTORY_TYPES.find((entry) => entry.value === type)?.label ?? type;
}

export const SECURITY_OPTIONS: { value: DirectorySecurity; label: string }[] = [
  { value: 'LDAPS', label: 'LDAPS (TLS on port 636)' },
  { value: 'STARTTLS', label: 'StartTLS (upgrade on port 389)' },
  { value: 'NONE', label: 'None (passwords in clear)' },
];

const SECURITY_SHORT: Record<DirectorySecurity, string> = { LDAPS: 'LDAPS', STARTTLS: 'StartTLS', NONE: 'None' };

export function securityLabel(security: DirectorySecurity): string {
  return SECURITY_SHORT[security] ?? security;
}

/** The port a connector uses when none is set: 636 for LDAPS, else 389. */
export function defaultPort(security: DirectorySecurity): number {
  return security === 'LDAPS' ? 636 : 389;
}

const STEP_LABEL: Record<string, string> = {
  DNS_RESOLUTION: 'DNS resolution',
  TCP_CONNECT: 'TCP connect',
  TLS_HANDSHAKE: 'TLS handshake',
  SERVICE_BIND: 'Service account bind',
  BASE_DN_READ: 'Base DN read',
  USER_SEARCH: 'User search',
  SIGN_IN: 'Sign-in',
};

/** A connection test step in words, e.g. `TCP_CONNECT` → "TCP connect". */
export function stepLabel(step: string): string {
  return STEP_LABEL[step] ?? step.charAt(0) + step.slice(1).toLowerCase().replaceAll('_', ' ');
}

/** Active Directory and Azure AD DS speak the same dialect (sAMAccountName, objectGUID, UPN bind names). */
export function isActiveDirectoryLike(type: DirectoryType): boolean {
  return type === 'ACTIVE_DIRECTORY' || type === 'AZURE_AD_DS';
}
