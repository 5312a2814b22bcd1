import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionTestResult } from './connection-test.type';

export enum DirectoryTypeEnum {
  ACTIVE_DIRECTORY = 'ACTIVE_DIRECTORY',
  AZURE_AD_DS = 'AZURE_AD_DS',
  OPENLDAP = 'OPENLDAP',
  OTHER_LDAP = 'OTHER_LDAP',
  BUILT_IN = 'BUILT_IN',
}
registerEnumType(DirectoryTypeEnum, {
  name: 'DirectoryType',
  description: 'The kind of directory a connector signs users in against; it sets the default security, port and attribute mapping (see directoryTypeDefaults).',
  valuesConfig: {
    ACTIVE_DIRECTORY: { description: 'Microsoft Active Directory over LDAP: sAMAccountName logins, objectGUID as ImmutableID, LDAPS by default.' },
    AZURE_AD_DS: { description: 'Microsoft Entra Domain Services (Azure AD DS): Active Directory defaults; only LDAPS (port 636) is accepted.' },
    OPENLDAP: { description: 'OpenLDAP: uid logins, entryUUID as ImmutableID, STARTTLS by default.' },
    OTHER_LDAP: { description: 'Any other LDAP v3 server; starts with the OpenLDAP defaults.' },
    BUILT_IN: { description: 'Users kept in Countersign itself and managed on the Users page or through the API; no connection settings.' },
  },
});

export enum DirectorySecurityEnum {
  NONE = 'NONE',
  STARTTLS = 'STARTTLS',
  LDAPS = 'LDAPS',
}
registerEnumType(DirectorySecurityEnum, {
  name: 'DirectorySecurity',
  description: 'NONE sends passwords in clear (test labs only); STARTTLS upgrades port 389; LDAPS is TLS on port 636.',
});

@ObjectType({ description: 'Where users sign in with their password (the first factor).' })
export class DirectoryConnector {
  @Field(() => ID, { description: "The connector's id (a UUID); services and token packs refer to it." }) id!: string;
  @Field(() => String, { description: 'The name admins see in the dashboard (up to 100 characters).' }) name!: string;
  @Field(() => DirectoryTypeEnum, { description: 'The kind of directory.' }) type!: DirectoryTypeEnum;
  @Field(() => [String], { description: 'Directory servers, tried in order; each may carry its own :port.' }) hosts!: string[];
  @Field(() => Int, { nullable: true, description: 'TCP port for hosts that name none (389, or 636 for LDAPS, unless set); null for BUILT_IN.' }) port!: number | null;
  @Field(() => DirectorySecurityEnum, { nullable: true, description: 'How the LDAP connection is protected; null for BUILT_IN.' }) security!: DirectorySecurityEnum | null;
  @Field(() => String, { nullable: true, description: 'PEM of the CA that signed the directory certificate.' }) caCertificatePem!: string | null;
  @Field(() => Boolean, { description: "Whether the directory's certificate chain and host name are checked (STARTTLS and LDAPS). Turning it off lets anyone on the network path collect passwords." })
  verifyCertificate!: boolean;
  @Field(() => String, { nullable: true, description: 'Where users are searched, e.g. ou=People,dc=example,dc=com; null for BUILT_IN.' }) baseDn!: string | null;
  @Field(() => String, { nullable: true, description: 'The service account that searches for users: a DN, or user@domain for Active Directory; null for BUILT_IN.' })
  bindDn!: string | null;
  @Field(() => Boolean, { description: 'Whether a service-account password is stored (it is never returned).' }) hasBindPassword!: boolean;
  @Field(() => String, { nullable: true, description: 'Only entries of this object class are users, e.g. user or person; null for BUILT_IN.' }) userObjectClass!: string | null;
  @Field(() => String, { nullable: true, description: 'The LDAP attribute users type as their username, e.g. sAMAccountName or uid; null for BUILT_IN.' })
  loginProperty!: string | null;
  @Field(() => String, { nullable: true, description: "The LDAP attribute holding the user's email address (where activation codes go); null for BUILT_IN." })
  emailProperty!: string | null;
  @Field(() => String, { nullable: true, description: 'The LDAP attribute holding the name shown to users (cn when empty on an entry); null for BUILT_IN.' })
  displayNameProperty!: string | null;
  @Field(() => String, { nullable: true, description: "The LDAP attribute holding the user's phone number; null when not read, and for BUILT_IN." }) phoneProperty!: string | null;
  @Field(() => String, { nullable: true, description: 'Sent to Microsoft 365 as IDPEmail.' }) upnProperty!: string | null;
  @Field(() => String, { nullable: true, description: 'Read as raw bytes; Microsoft 365 ImmutableID.' }) immutableIdProperty!: string | null;
  @Field(() => String, { nullable: true, description: 'An extra RFC 4515 filter users must match, e.g. (memberOf=cn=mfa,ou=groups,dc=example,dc=com); null when none.' })
  userFilter!: string | null;
  @Field(() => Int, { nullable: true, description: 'Milliseconds allowed per host for DNS, TCP and TLS together (default 5000); null for BUILT_IN.' })
  connectTimeoutMs!: number | null;
  @Field(() => Int, { nullable: true, description: 'Milliseconds allowed per LDAP operation such as a bind or a search, and the longest a sign-in waits for a free connection (default 10000); null for BUILT_IN.' })
  operationTimeoutMs!: number | null;
  @Field(() => Boolean, { description: 'True for the template every organisation starts with, until it is edited.' }) template!: boolean;
  @Field(() => Int, { nullable: true, description: 'Users in a built-in directory; null for LDAP.' }) userCount!: number | null;
  @Field(() => GraphQLISODateTime, { description: 'When the connector was created (ISO-8601, UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its settings last changed (ISO-8601, UTC).' }) updatedAt!: Date;
  @Field(() => ConnectionTestResult, { nullable: true, description: 'The last connection test.' }) lastTest!: ConnectionTestResult | null;
}

@InputType({ description: 'Connector settings; leave a field out to use the default of the directory type.' })
export class DirectoryConnectorInput {
  @Field(() => String, { description: 'The name admins see, 1 to 100 characters.' }) name!: string;
  @Field(() => DirectoryTypeEnum, { description: 'The kind of directory; BUILT_IN needs no other field.' }) type!: DirectoryTypeEnum;
  @Field(() => [String], { nullable: true, description: 'LDAP: directory servers, tried in order, e.g. dc1.example.com, 10.0.0.5:3269 or [2001:db8::1]:636; a :port here wins over port. At least one, without ldap:// or ldaps://.' })
  hosts?: string[];
  @Field(() => Int, { nullable: true, description: 'LDAP: port for hosts that name none, 1 to 65535; default 636 for LDAPS, else 389.' }) port?: number;
  @Field(() => DirectorySecurityEnum, { nullable: true, description: 'LDAP: how the connection is protected; default from the directory type (LDAPS for Active Directory, STARTTLS for OpenLDAP).' })
  security?: DirectorySecurityEnum;
  @Field(() => String, { nullable: true, description: "LDAP: PEM of the CA certificate(s) that signed the directory's certificate; when set, only these are trusted, not the public CAs." })
  caCertificatePem?: string;
  @Field(() => Boolean, { nullable: true, description: "LDAP: check the directory's certificate chain and host name; default true." }) verifyCertificate?: boolean;
  @Field(() => String, { nullable: true, description: 'LDAP, required: where users are searched, e.g. ou=People,dc=example,dc=com.' }) baseDn?: string;
  @Field(() => String, { nullable: true, description: 'LDAP, required: the service account that searches for users, as a DN (or user@domain for Active Directory).' })
  bindDn?: string;
  @Field(() => String, { nullable: true, description: 'Leave out on update to keep the stored password.' }) bindPassword?: string;
  @Field(() => String, { nullable: true, description: 'LDAP: the object class of user entries; default from the directory type.' }) userObjectClass?: string;
  @Field(() => String, { nullable: true, description: 'LDAP: the attribute users type as their username; default from the directory type.' }) loginProperty?: string;
  @Field(() => String, { nullable: true, description: "LDAP: the attribute holding the user's email address; default mail." }) emailProperty?: string;
  @Field(() => String, { nullable: true, description: 'LDAP: the attribute holding the display name; default displayName.' }) displayNameProperty?: string;
  @Field(() => String, { nullable: true, description: 'LDAP: the attribute holding the phone number; default telephoneNumber, empty to not read one.' }) phoneProperty?: string;
  @Field(() => String, { nullable: true, description: "LDAP: the attribute sent to Microsoft 365 as IDPEmail (the user's UPN in Entra ID); default from the directory type, empty to not read one." })
  upnProperty?: string;
  @Field(() => String, { nullable: true, description: 'LDAP: the attribute read as raw bytes into the Microsoft 365 ImmutableID; default objectGUID or entryUUID, empty to not read one.' })
  immutableIdProperty?: string;
  @Field(() => String, { nullable: true, description: 'LDAP: an extra RFC 4515 filter users must match, e.g. (memberOf=cn=mfa,ou=groups,dc=example,dc=com).' }) userFilter?: string;
  @Field(() => Int, { nullable: true, description: 'LDAP: milliseconds per host for DNS, TCP and TLS together, 100 to 120000; default 5000.' }) connectTimeoutMs?: number;
  @Field(() => Int, { nullable: true, description: 'LDAP: milliseconds per bind or search, 100 to 120000; default 10000.' }) operationTimeoutMs?: number;
}

@ObjectType({ description: 'What a new connector of a type starts with.' })
export class DirectoryTypeDefaults {
  @Field(() => DirectorySecurityEnum, { description: 'Default connection security: LDAPS for Active Directory and Azure AD DS, STARTTLS for the others.' })
  security!: DirectorySecurityEnum;
  @Field(() => Int, { description: 'Default port for that security: 636 for LDAPS, else 389.' }) port!: number;
  @Field(() => String, { description: 'Default username attribute: sAMAccountName or uid.' }) loginProperty!: string;
  @Field(() => String, { description: 'Default email attribute (mail).' }) emailProperty!: string;
  @Field(() => String, { description: 'Default display name attribute (displayName).' }) displayNameProperty!: string;
  @Field(() => String, { description: 'Default phone attribute (telephoneNumber).' }) phoneProperty!: string;
  @Field(() => String, { description: 'Default attribute sent to Microsoft 365 as IDPEmail: userPrincipalName or mail.' }) upnProperty!: string;
  @Field(() => String, { description: 'Default ImmutableID source attribute: objectGUID or entryUUID.' }) immutableIdProperty!: string;
  @Field(() => String, { description: 'Default object class of user entries: user or person.' }) userObjectClass!: string;
}
