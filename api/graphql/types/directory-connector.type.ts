import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionTestResult } from './connection-test.type';

export enum DirectoryTypeEnum {
  ACTIVE_DIRECTORY = 'ACTIVE_DIRECTORY',
  AZURE_AD_DS = 'AZURE_AD_DS',
  OPENLDAP = 'OPENLDAP',
  OTHER_LDAP = 'OTHER_LDAP',
  BUILT_IN = 'BUILT_IN',
}
registerEnumType(DirectoryTypeEnum, { name: 'DirectoryType', description: 'The kind of directory a connector signs users in against.' });

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
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DirectoryTypeEnum) type!: DirectoryTypeEnum;
  @Field(() => [String], { description: 'Directory servers, tried in order; each may carry its own :port.' }) hosts!: string[];
  @Field(() => Int, { nullable: true }) port!: number | null;
  @Field(() => DirectorySecurityEnum, { nullable: true }) security!: DirectorySecurityEnum | null;
  @Field(() => String, { nullable: true, description: 'PEM of the CA that signed the directory certificate.' }) caCertificatePem!: string | null;
  @Field(() => Boolean) verifyCertificate!: boolean;
  @Field(() => String, { nullable: true }) baseDn!: string | null;
  @Field(() => String, { nullable: true }) bindDn!: string | null;
  @Field(() => Boolean, { description: 'Whether a service-account password is stored (it is never returned).' }) hasBindPassword!: boolean;
  @Field(() => String, { nullable: true }) userObjectClass!: string | null;
  @Field(() => String, { nullable: true }) loginProperty!: string | null;
  @Field(() => String, { nullable: true }) emailProperty!: string | null;
  @Field(() => String, { nullable: true }) displayNameProperty!: string | null;
  @Field(() => String, { nullable: true }) phoneProperty!: string | null;
  @Field(() => String, { nullable: true, description: 'Sent to Microsoft 365 as IDPEmail.' }) upnProperty!: string | null;
  @Field(() => String, { nullable: true, description: 'Read as raw bytes; Microsoft 365 ImmutableID.' }) immutableIdProperty!: string | null;
  @Field(() => String, { nullable: true }) userFilter!: string | null;
  @Field(() => Int, { nullable: true }) connectTimeoutMs!: number | null;
  @Field(() => Int, { nullable: true }) operationTimeoutMs!: number | null;
  @Field(() => Boolean, { description: 'True for the template every organisation starts with, until it is edited.' }) template!: boolean;
  @Field(() => Int, { nullable: true, description: 'Users in a built-in directory; null for LDAP.' }) userCount!: number | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => ConnectionTestResult, { nullable: true, description: 'The last connection test.' }) lastTest!: ConnectionTestResult | null;
}

@InputType({ description: 'Connector settings; leave a field out to use the default of the directory type.' })
export class DirectoryConnectorInput {
  @Field(() => String) name!: string;
  @Field(() => DirectoryTypeEnum) type!: DirectoryTypeEnum;
  @Field(() => [String], { nullable: true }) hosts?: string[];
  @Field(() => Int, { nullable: true }) port?: number;
  @Field(() => DirectorySecurityEnum, { nullable: true }) security?: DirectorySecurityEnum;
  @Field(() => String, { nullable: true }) caCertificatePem?: string;
  @Field(() => Boolean, { nullable: true }) verifyCertificate?: boolean;
  @Field(() => String, { nullable: true }) baseDn?: string;
  @Field(() => String, { nullable: true }) bindDn?: string;
  @Field(() => String, { nullable: true, description: 'Leave out on update to keep the stored password.' }) bindPassword?: string;
  @Field(() => String, { nullable: true }) userObjectClass?: string;
  @Field(() => String, { nullable: true }) loginProperty?: string;
  @Field(() => String, { nullable: true }) emailProperty?: string;
  @Field(() => String, { nullable: true }) displayNameProperty?: string;
  @Field(() => String, { nullable: true }) phoneProperty?: string;
  @Field(() => String, { nullable: true }) upnProperty?: string;
  @Field(() => String, { nullable: true }) immutableIdProperty?: string;
  @Field(() => String, { nullable: true }) userFilter?: string;
  @Field(() => Int, { nullable: true }) connectTimeoutMs?: number;
  @Field(() => Int, { nullable: true }) operationTimeoutMs?: number;
}

@ObjectType({ description: 'What a new connector of a type starts with.' })
export class DirectoryTypeDefaults {
  @Field(() => DirectorySecurityEnum) security!: DirectorySecurityEnum;
  @Field(() => Int) port!: number;
  @Field(() => String) loginProperty!: string;
  @Field(() => String) emailProperty!: string;
  @Field(() => String) displayNameProperty!: string;
  @Field(() => String) phoneProperty!: string;
  @Field(() => String) upnProperty!: string;
  @Field(() => String) immutableIdProperty!: string;
  @Field(() => String) userObjectClass!: string;
}
