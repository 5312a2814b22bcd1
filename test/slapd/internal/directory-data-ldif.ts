import { createHash, randomBytes } from 'node:crypto';

import { fixtureUsers, generatedUserName, generatedUserPassword } from '../fixture-users';

type Value = string | Buffer;
type Entry = Record<string, Value | Value[] | undefined>;

/** `{SSHA}` like slappasswd makes it: one salted SHA-1, cheap enough for 1,000s of binds/s. */
export function sshaHash(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash('sha1').update(password, 'utf8').update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

function ldifLine(attribute: string, value: Value): string {
  // LDIF (RFC 2849) only allows plain ASCII without a leading space, colon or '<' in clear.
  if (typeof value === 'string' && /^[\x01-\x09\x0b\x0c\x0e-\x1f\x21-\x39\x3b\x3d-\x7f][\x01-\x09\x0b\x0c\x0e-\x7f]*$/.test(value) && !value.endsWith(' ')) {
    return `${attribute}: ${value}`;
  }
  return `${attribute}:: ${Buffer.from(value).toString('base64')}`;
}

function ldifEntry(dn: string, entry: Entry): string {
  const lines = [ldifLine('dn', dn)];
  for (const [attribute, values] of Object.entries(entry)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) lines.push(ldifLine(attribute, value));
  }
  return `${lines.join('\n')}\n`;
}

/** A generalized time (YYYYMMDDHHMMSSZ) for `date`. */
function generalizedTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/** The directory objects a test slapd starts with (the DNs tests need to know). */
export interface DirectoryLayout {
  baseDn: string;
  serviceDn: string;
  servicePassword: string;
}

const person = ['top', 'person', 'organizationalPerson', 'inetOrgPerson', 'countersignTestUser'];

function personEntry(uid: string, password: string, attributes: Entry): Entry {
  const cn = attributes.cn as string;
  return {
    objectClass: person,
    uid,
    cn,
    sn: cn.split(' ').at(-1),
    userPassword: sshaHash(password),
    ...attributes,
  };
}

/**
 * The org as LDIF for `slapadd -n1`: OUs, password policies, the read-only service account,
 * the {@link fixtureUsers} and `generatedUsers` numbered users with every mapped attribute and a
 * 16-byte objectGUID. Operational ppolicy attributes (lock time, reset flag) load fine offline.
 */
export function directoryDataLdif(layout: DirectoryLayout, generatedUsers: number): string {
  const { baseDn, serviceDn, servicePassword } = layout;
  const people = `ou=people,${baseDn}`;
  const policies = `ou=policies,${baseDn}`;
  const policy = (cn: string, rules: Entry): string =>
    ldifEntry(`cn=${cn},${policies}`, {
      objectClass: ['top', 'applicationProcess', 'pwdPolicy'],
      cn,
      pwdAttribute: 'userPassword',
      pwdLockout: 'TRUE',
      pwdMaxFailure: '0',
      pwdLockoutDuration: '900',
      ...rules,
    });
  const dc = /^dc=([^,]+)/.exec(baseDn)?.[1] ?? 'countersign';
  const { alice, bob, star, zoe, disabled, locked, expired, mustChange, twin } = fixtureUsers;
  const chunks = [
    ldifEntry(baseDn, { objectClass: ['top', 'dcObject', 'organization'], dc, o: 'Countersign Test' }),
    ...['people', 'contractors', 'services', 'policies'].map((ou) =>
      ldifEntry(`ou=${ou},${baseDn}`, { objectClass: ['top', 'organizationalUnit'], ou }),
    ),
    policy('default', {}),
    policy('expiring', { pwdMaxAge: '86400', pwdGraceAuthnLimit: '0' }),
    policy('mustchange', { pwdMustChange: 'TRUE' }),
    ldifEntry(serviceDn, {
      objectClass: ['top', 'applicationProcess', 'simpleSecurityObject'],
      cn: /^cn=([^,]+)/.exec(serviceDn)?.[1],
      userPassword: sshaHash(servicePassword),
    }),
    ldifEntry(`uid=${alice.uid},${people}`, personEntry(alice.uid, alice.password, {
      cn: alice.cn, displayName: alice.displayName, mail: alice.mail, telephoneNumber: alice.telephoneNumber,
      userPrincipalName: alice.userPrincipalName, objectGUID: alice.objectGUID, 'mS-DS-ConsistencyGuid': alice.objectGUID,
    })),
    ldifEntry(`uid=${bob.uid},${people}`, personEntry(bob.uid, bob.password, {
      cn: bob.cn, mail: bob.mail, userPrincipalName: bob.userPrincipalName, objectGUID: bob.objectGUID,
    })),
    ...[star, zoe].map((u) => ldifEntry(`uid=${u.uid},${people}`, personEntry(u.uid, u.password, {
      cn: u.cn, displayName: 'displayName' in u ? u.displayName : undefined, mail: u.mail,
    }))),
    ldifEntry(`uid=${disabled.uid},${people}`, personEntry(disabled.uid, disabled.password, {
      cn: disabled.cn, mail: disabled.mail, pwdAccountLockedTime: '000001010000Z',
    })),
    ldifEntry(`uid=${locked.uid},${people}`, personEntry(locked.uid, locked.password, {
      cn: locked.cn, mail: locked.mail, pwdAccountLockedTime: generalizedTime(new Date()),
    })),
    ldifEntry(`uid=${expired.uid},${people}`, personEntry(expired.uid, expired.password, {
      cn: expired.cn, mail: expired.mail, pwdPolicySubentry: `cn=expiring,${policies}`, pwdChangedTime: '20000101000000Z',
    })),
    ldifEntry(`uid=${mustChange.uid},${people}`, personEntry(mustChange.uid, mustChange.password, {
      cn: mustChange.cn, mail: mustChange.mail, pwdPolicySubentry: `cn=mustchange,${policies}`, pwdReset: 'TRUE',
    })),
    ...['people', 'contractors'].map((ou) =>
      ldifEntry(`uid=${twin.uid},ou=${ou},${baseDn}`, personEntry(twin.uid, twin.password, { cn: `${twin.cn} ${ou}`, mail: twin.mail })),
    ),
  ];
  const sharedHash = sshaHash(generatedUserPassword);
  for (let n = 1; n <= generatedUsers; n++) {
    const uid = generatedUserName(n);
    const guid = createHash('md5').update(uid).digest();
    chunks.push(
      ldifEntry(`uid=${uid},${people}`, {
        objectClass: person, uid, cn: `User ${n}`, sn: String(n), displayName: `Generated User ${n}`,
        mail: `${uid}@countersign.test`, telephoneNumber: `+1 555 ${String(n).padStart(7, '0')}`,
        userPrincipalName: `${uid}@countersign.test`, objectGUID: guid, userPassword: sharedHash,
      }),
    );
  }
  return chunks.join('\n');
}
