/**
 * The people every test slapd holds, with the passwords tests sign in with. Each one exists to
 * show one behaviour an admin would notice; generated users (`user00001`, ...) share
 * {@link generatedUserPassword}.
 */
export const fixtureUsers = {
  /** Every mapped attribute set; a GUID with high bytes (not valid UTF-8). */
  alice: {
    uid: 'alice',
    password: 'Alice-Passw0rd!',
    cn: 'Alice Example',
    displayName: 'Alice Example',
    mail: 'alice@countersign.test',
    telephoneNumber: '+1 555 0100',
    userPrincipalName: 'alice@countersign.test',
    objectGUID: Buffer.from('f1e2d3c4b5a6978800ff7f8081fefdfc', 'hex'),
  },
  /** No displayName (falls back to cn), no phone; a GUID whose bytes are all plain ASCII. */
  bob: {
    uid: 'bob',
    password: 'Bob-Passw0rd!',
    cn: 'Bob Builder',
    mail: 'bob@countersign.test',
    userPrincipalName: 'bob@countersign.test',
    objectGUID: Buffer.from('ABCDEFGHIJKLMNOP', 'ascii'),
  },
  /** A login name with filter metacharacters: only an exact match may find it. */
  star: { uid: 'star*', password: 'Star-Passw0rd!', cn: 'Star Asterisk', mail: 'star@countersign.test' },
  /** Non-ASCII login and display name. */
  zoe: { uid: 'zoë', password: 'Zoë-Passw0rd!', cn: 'Zoë Ünicode', displayName: 'Zoë Ünicode', mail: 'zoe@countersign.test' },
  /** Permanently locked by an administrator (pwdAccountLockedTime 000001010000Z). */
  disabled: { uid: 'dana', password: 'Dana-Passw0rd!', cn: 'Dana Disabled', mail: 'dana@countersign.test' },
  /** Locked out a moment ago; the default policy keeps the lock for 15 minutes. */
  locked: { uid: 'erin', password: 'Erin-Passw0rd!', cn: 'Erin Locked', mail: 'erin@countersign.test' },
  /** Password changed in 2000 under a policy with a one-day maximum age and no grace logins. */
  expired: { uid: 'frank', password: 'Frank-Passw0rd!', cn: 'Frank Expired', mail: 'frank@countersign.test' },
  /** Password reset by an administrator under a policy that makes users change it. */
  mustChange: { uid: 'grace', password: 'Grace-Passw0rd!', cn: 'Grace Reset', mail: 'grace@countersign.test' },
  /** Two entries share this uid (ou=people and ou=contractors). */
  twin: { uid: 'twin', password: 'Twin-Passw0rd!', cn: 'Twin Example', mail: 'twin@countersign.test' },
} as const;

/** The password of every generated user (`user00001` ... ). */
export const generatedUserPassword = 'Generated-Passw0rd!';

/** The login name of generated user number `n` (1-based). */
export function generatedUserName(n: number): string {
  return `user${String(n).padStart(5, '0')}`;
}
