/** The kinds of directory a connector can point at. */
export const directoryTypes = ['ACTIVE_DIRECTORY', 'AZURE_AD_DS', 'OPENLDAP', 'OTHER_LDAP', 'BUILT_IN'] as const;
export type DirectoryType = (typeof directoryTypes)[number];
/** The directory types reached over LDAP (everything but the built-in directory). */
export type LdapDirectoryType = Exclude<DirectoryType, 'BUILT_IN'>;

/** How the LDAP connection is protected. */
export const directorySecurities = ['NONE', 'STARTTLS', 'LDAPS'] as const;
export type DirectorySecurity = (typeof directorySecurities)[number];

/** What a new connector of a given type starts with; every field can be changed. */
export interface DirectoryTypeDefaults {
  security: DirectorySecurity;
  /** The attribute users type as their username. */
  loginProperty: string;
  emailProperty: string;
  /** When a user has no value here, `cn` is shown instead. */
  displayNameProperty: string;
  phoneProperty: string;
  /** Sent to Microsoft 365 as IDPEmail; must equal the user's UPN in Entra ID. */
  upnProperty: string;
  /** Read as raw bytes and base64'd into the Microsoft 365 ImmutableID (sourceAnchor). */
  immutableIdProperty: string;
  /** Only entries of this object class are users (Active Directory also needs objectCategory=person). */
  userObjectClass: string;
}

const activeDirectory: DirectoryTypeDefaults = {
  security: 'LDAPS',
  loginProperty: 'sAMAccountName',
  emailProperty: 'mail',
  displayNameProperty: 'displayName',
  phoneProperty: 'telephoneNumber',
  upnProperty: 'userPrincipalName',
  immutableIdProperty: 'objectGUID',
  userObjectClass: 'user',
};

const openLdap: DirectoryTypeDefaults = {
  security: 'STARTTLS',
  loginProperty: 'uid',
  emailProperty: 'mail',
  displayNameProperty: 'displayName',
  phoneProperty: 'telephoneNumber',
  upnProperty: 'mail',
  immutableIdProperty: 'entryUUID',
  userObjectClass: 'person',
};

const defaults: Record<LdapDirectoryType, DirectoryTypeDefaults> = {
  ACTIVE_DIRECTORY: activeDirectory,
  // Azure AD DS is a managed AD that only offers secure LDAP (port 636).
  AZURE_AD_DS: activeDirectory,
  OPENLDAP: openLdap,
  OTHER_LDAP: openLdap,
};

/**
 * The attribute mapping and security a new connector of `type` starts with: Active Directory
 * and Azure AD DS sign users in by sAMAccountName and take the ImmutableID from objectGUID;
 * OpenLDAP and other LDAP servers use uid and entryUUID.
 */
export function defaultsForType(type: LdapDirectoryType): DirectoryTypeDefaults {
  return { ...defaults[type] };
}

/** True for the directory types that speak Active Directory's dialect (sub-codes, objectCategory). */
export function isActiveDirectoryType(type: DirectoryType): boolean {
  return type === 'ACTIVE_DIRECTORY' || type === 'AZURE_AD_DS';
}
