import { X509Certificate } from 'node:crypto';

import { z } from 'zod';

import { validationError } from '../errors';
import {
  defaultsForType,
  directorySecurities,
  directoryTypes,
  isActiveDirectoryType,
  type DirectorySecurity,
  type LdapDirectoryType,
} from './directory-type-defaults';
import { parseHostEntry } from './internal/directory-host';
import { isActiveDirectoryBindName, isDistinguishedName } from './internal/distinguished-name';
import { parseLdapFilter } from './internal/ldap-filter';

/** A connector to an LDAP directory (Active Directory, Azure AD DS, OpenLDAP, other), defaults applied. */
export interface LdapDirectoryConnectorConfig {
  name: string;
  type: LdapDirectoryType;
  /** Tried in order; a host that is down is skipped for a while. Each may carry its own `:port`. */
  hosts: string[];
  /** 389 by default, 636 for LDAPS. */
  port: number;
  security: DirectorySecurity;
  /** PEM of the CA (or CAs) that signed the directory's certificate. When set, only these are trusted, not the public CAs. */
  caCertificatePem?: string;
  /** Check the directory's certificate chain and host name. On unless an admin turns it off. */
  verifyCertificate: boolean;
  /** Where users are searched, e.g. `ou=People,dc=example,dc=com`. */
  baseDn: string;
  /** The service account that searches for users (a DN; Active Directory also takes a UPN). */
  bindDn: string;
  /** Arrives unsealed; never logged, never put in a report. */
  bindPassword: string;
  userObjectClass: string;
  loginProperty: string;
  emailProperty: string;
  displayNameProperty: string;
  phoneProperty?: string;
  upnProperty?: string;
  immutableIdProperty?: string;
  /** An extra RFC 4515 filter users must match, e.g. `(memberOf=cn=mfa,ou=groups,dc=example,dc=com)`. */
  userFilter?: string;
  /** Per host: DNS, TCP and TLS together. */
  connectTimeoutMs: number;
  /** Per LDAP operation (bind, search), and the longest a sign-in waits for a free connection. */
  operationTimeoutMs: number;
}

/** The built-in directory needs no connection settings. */
export interface BuiltInDirectoryConnectorConfig {
  name: string;
  type: 'BUILT_IN';
}

/** A validated connector, defaults applied; `type` tells LDAP from built-in. */
export type DirectoryConnectorConfig = LdapDirectoryConnectorConfig | BuiltInDirectoryConnectorConfig;

const attributeNamePattern = /^(?:[A-Za-z][A-Za-z0-9-]*|\d+(?:\.\d+)+)$/;
const attributeName = (field: string) =>
  z.string().trim().regex(attributeNamePattern, `${field} must be an LDAP attribute name (letters, digits and hyphens), e.g. mail.`);

/** An attribute mapping an admin may clear: '' means "do not read it". */
const optionalAttributeName = (field: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === '' || attributeNamePattern.test(value), `${field} must be an LDAP attribute name, or empty to leave it out.`)
    .optional();

const portMessage = 'The port must be a whole number from 1 to 65535.';

const name = z.string().trim().min(1, 'Give the connector a name.').max(100, 'Keep the name under 100 characters.');

const builtInSchema = z.object({ name, type: z.literal('BUILT_IN') });

const ldapSchema = z
  .object({
    name,
    type: z.enum(directoryTypes.filter((type) => type !== 'BUILT_IN') as [LdapDirectoryType, ...LdapDirectoryType[]]),
    hosts: z
      .array(z.string().trim().min(1, 'Remove the empty host or fill it in.'), 'List the directory servers to connect to.')
      .min(1, 'Add at least one directory server (host name or IP address).'),
    port: z.number(portMessage).int(portMessage).min(1, portMessage).max(65535, portMessage).optional(),
    security: z.enum(directorySecurities, 'Choose the security: NONE, STARTTLS or LDAPS.').optional(),
    caCertificatePem: z.string().trim().optional(),
    verifyCertificate: z.boolean().default(true),
    baseDn: z.string('Enter the base DN, like ou=People,dc=example,dc=com.').trim().refine(isDistinguishedName, 'Write the base DN like ou=People,dc=example,dc=com.'),
    bindDn: z.string('Enter the service account used to search for users.').trim().min(1, 'Enter the service account used to search for users.'),
    bindPassword: z.string("Enter the service account's password.").min(1, "Enter the service account's password."),
    userObjectClass: attributeName('The user object class').optional(),
    loginProperty: attributeName('The login property').optional(),
    emailProperty: attributeName('The email property').optional(),
    displayNameProperty: attributeName('The display name property').optional(),
    phoneProperty: optionalAttributeName('The phone property'),
    upnProperty: optionalAttributeName('The UPN property'),
    immutableIdProperty: optionalAttributeName('The ImmutableID source'),
    userFilter: z.string().trim().optional(),
    connectTimeoutMs: z.number().int().min(100, 'Allow at least 100 ms to connect.').max(120_000, 'Keep the connect timeout under 2 minutes.').default(5_000),
    operationTimeoutMs: z.number().int().min(100, 'Allow at least 100 ms per operation.').max(120_000, 'Keep the operation timeout under 2 minutes.').default(10_000),
  })
  .superRefine((config, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const security = config.security ?? defaultsForType(config.type).security;
    if (config.type === 'AZURE_AD_DS' && security !== 'LDAPS') {
      issue(['security'], 'Azure AD Domain Services only accepts secure LDAP: choose LDAPS (port 636).');
    }
    config.hosts.forEach((entry, index) => {
      const parsed = parseHostEntry(entry, 389);
      if ('problem' in parsed) issue(['hosts', index], parsed.problem);
    });
    if (!isDistinguishedName(config.bindDn) && !(isActiveDirectoryType(config.type) && isActiveDirectoryBindName(config.bindDn))) {
      issue(['bindDn'], isActiveDirectoryType(config.type)
        ? 'Write the service account as a DN (cn=reader,ou=Service Accounts,dc=example,dc=com) or as reader@example.com.'
        : 'Write the service account as a DN, e.g. cn=reader,ou=services,dc=example,dc=com.');
    }
    if (config.caCertificatePem) {
      const problem = caCertificateProblem(config.caCertificatePem);
      if (problem) issue(['caCertificatePem'], problem);
    }
    if (config.userFilter) {
      try {
        parseLdapFilter(config.userFilter);
      } catch (error) {
        issue(['userFilter'], (error as Error).message);
      }
    }
  });

function caCertificateProblem(pem: string): string | undefined {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!blocks) return 'Paste the CA certificate in PEM form, starting with -----BEGIN CERTIFICATE-----.';
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      return 'The CA certificate could not be read; paste the whole PEM text, including the BEGIN and END lines.';
    }
  }
  return undefined;
}

/**
 * The connector settings as an admin or the API sends them, validated with messages that say
 * what to fix, and completed with the defaults of the directory type ({@link defaultsForType})
 * and of the security (port 636 for LDAPS, else 389).
 */
export const directoryConnectorConfigSchema = z
  .discriminatedUnion('type', [builtInSchema, ldapSchema], 'Choose the directory type: ACTIVE_DIRECTORY, AZURE_AD_DS, OPENLDAP, OTHER_LDAP or BUILT_IN.')
  .transform((input): DirectoryConnectorConfig => {
    if (input.type === 'BUILT_IN') return input;
    const defaults = defaultsForType(input.type);
    const security = input.security ?? defaults.security;
    const config: LdapDirectoryConnectorConfig = {
      ...input,
      security,
      port: input.port ?? (security === 'LDAPS' ? 636 : 389),
      userObjectClass: input.userObjectClass ?? defaults.userObjectClass,
      loginProperty: input.loginProperty ?? defaults.loginProperty,
      emailProperty: input.emailProperty ?? defaults.emailProperty,
      displayNameProperty: input.displayNameProperty ?? defaults.displayNameProperty,
      phoneProperty: input.phoneProperty ?? defaults.phoneProperty,
      upnProperty: input.upnProperty ?? defaults.upnProperty,
      immutableIdProperty: input.immutableIdProperty ?? defaults.immutableIdProperty,
    };
    const optional = ['caCertificatePem', 'userFilter', 'phoneProperty', 'upnProperty', 'immutableIdProperty'] as const;
    for (const key of optional) if (!config[key]) delete config[key];
    return config;
  });

/** The settings a client sends; fields with defaults may be left out. */
export type DirectoryConnectorConfigInput = z.input<typeof directoryConnectorConfigSchema>;

/**
 * Validates connector settings and applies defaults; throws a `VALIDATION_FAILED` AppError whose
 * `details.fields` maps each field path (`hosts.1`, `userFilter`) to a sentence saying what to fix.
 */
export function parseDirectoryConnectorConfig(input: unknown): DirectoryConnectorConfig {
  const result = directoryConnectorConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[issue.path.join('.') || 'config'] ??= issue.message;
  throw validationError(fields);
}
