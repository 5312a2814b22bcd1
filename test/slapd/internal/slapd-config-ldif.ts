import { readFileSync } from 'node:fs';

import type { TestCertificates } from './test-certificates';

const schemaFolder = '/etc/ldap/schema';

/**
 * The attributes Active Directory users carry that a Microsoft 365 federation reads, defined
 * with Microsoft's own OIDs so the directory looks like AD to a client. The auxiliary class
 * sits in OpenLDAP's experimental arc (1.3.6.1.4.1.4203.666), fine for a test directory.
 */
const countersignTestSchema = `dn: cn=countersign-test,cn=schema,cn=config
objectClass: olcSchemaConfig
cn: countersign-test
olcAttributeTypes: ( 1.2.840.113556.1.4.656 NAME 'userPrincipalName' EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
olcAttributeTypes: ( 1.2.840.113556.1.4.2 NAME 'objectGUID' EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )
olcAttributeTypes: ( 1.2.840.113556.1.4.1360 NAME 'mS-DS-ConsistencyGuid' EQUALITY octetStringMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.40 SINGLE-VALUE )
olcObjectClasses: ( 1.3.6.1.4.1.4203.666.11.77.1 NAME 'countersignTestUser' SUP top AUXILIARY MAY ( userPrincipalName $ objectGUID $ mS-DS-ConsistencyGuid ) )
`;

/** What the cn=config of a test slapd needs to know. */
export interface SlapdConfigInput {
  folder: string;
  dataFolder: string;
  baseDn: string;
  rootDn: string;
  rootPasswordHash: string;
  serviceDn: string;
  certificates: TestCertificates;
  threads: number;
}

/**
 * The whole cn=config as one LDIF for `slapadd -n0`: mdb with equality indexes on the login
 * and mail attributes, the ppolicy overlay (lockout reported through the response control),
 * TLS with the test CA, log level 0, and ACLs that let only the service account read users.
 */
export function slapdConfigLdif(input: SlapdConfigInput): string {
  const { folder, dataFolder, baseDn, rootDn, rootPasswordHash, serviceDn, certificates, threads } = input;
  const schema = ['core', 'cosine', 'inetorgperson']
    .map((name) => readFileSync(`${schemaFolder}/${name}.ldif`, 'utf8'))
    .join('\n');
  return `dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: ${folder}/slapd.pid
olcArgsFile: ${folder}/slapd.args
olcLogLevel: 0
olcThreads: ${threads}
olcToolThreads: 2
olcTLSCACertificateFile: ${certificates.caCertFile}
olcTLSCertificateFile: ${certificates.serverCertFile}
olcTLSCertificateKeyFile: ${certificates.serverKeyFile}

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: /usr/lib/ldap
olcModuleLoad: {0}back_mdb
olcModuleLoad: {1}ppolicy

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

${schema}
${countersignTestSchema}
dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend
olcSizeLimit: 500
olcAccess: {0}to dn.base="" by * read
olcAccess: {1}to dn.base="cn=Subschema" by * read

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config
olcAccess: {0}to * by * none

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: ${baseDn}
olcRootDN: ${rootDn}
olcRootPW: ${rootPasswordHash}
olcDbDirectory: ${dataFolder}
olcDbMaxSize: 1073741824
olcDbEnvFlags: writemap
olcDbEnvFlags: nometasync
olcDbNoSync: TRUE
olcDbIndex: objectClass eq
olcDbIndex: uid,mail,cn,userPrincipalName eq
olcAccess: {0}to attrs=userPassword by self =xw by dn.exact="${serviceDn}" none by anonymous auth by * none
olcAccess: {1}to * by dn.exact="${serviceDn}" read by self read by * none

dn: olcOverlay={0}ppolicy,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {0}ppolicy
olcPPolicyDefault: cn=default,ou=policies,${baseDn}
olcPPolicyUseLockout: TRUE
olcPPolicyHashCleartext: FALSE
`;
}
