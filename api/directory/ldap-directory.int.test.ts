import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtureUsers, generatedUserName, generatedUserPassword } from '../../test/slapd/fixture-users';
import { establishedConnectionsTo } from '../../test/slapd/open-connections';
import { closedPort, startSilentServer, type SilentServer } from '../../test/slapd/silent-server';
import { slapdConnectorConfig } from '../../test/slapd/slapd-connector-config';
import { slapdAvailability, startSlapd, type RunningSlapd } from '../../test/slapd/start-slapd';
import type { AuthenticationResult } from './directory';
import { createLdapDirectory, type LdapDirectory } from './ldap-directory';

const availability = slapdAvailability();
if (!availability.available) console.warn(`Skipping the LDAP directory tests: ${availability.reason}`);

const { alice, bob, star, zoe, disabled, locked, expired, mustChange, twin } = fixtureUsers;
const wrongPasswordMessage = 'The username or password is not correct.';

describe.skipIf(!availability.available)('LDAP directory against a real slapd', () => {
  let slapd: RunningSlapd;
  const directories: LdapDirectory[] = [];
  const directory = (overrides: Record<string, unknown> = {}, options = {}) => {
    const created = createLdapDirectory(slapdConnectorConfig(slapd, overrides), options);
    directories.push(created);
    return created;
  };
  const failureOf = (result: AuthenticationResult) => {
    if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
    return result;
  };

  beforeAll(async () => {
    slapd = await startSlapd({ users: 20 });
  });
  afterAll(async () => {
    await Promise.all(directories.map((created) => created.close()));
    await slapd?.stop();
  });

  describe.each([
    ['plain LDAP', () => ({ security: 'NONE' })],
    ['StartTLS', () => ({ security: 'STARTTLS' })],
    ['LDAPS', () => ({ security: 'LDAPS', port: slapd.ldapsPort })],
  ])('over %s', (_name, settings) => {
    it('signs a user in with the right password and returns the mapped profile', async () => {
      const result = await directory(settings()).authenticate(alice.uid, alice.password);
      expect(result).toEqual({
        ok: true,
        profile: {
          dn: `uid=alice,ou=people,${slapd.baseDn}`,
          username: 'alice',
          email: alice.mail,
          displayName: alice.displayName,
          phone: alice.telephoneNumber,
          upn: alice.userPrincipalName,
          immutableId: alice.objectGUID.toString('base64'),
        },
      });
    });

    it('refuses a wrong password', async () => {
      expect(failureOf(await directory(settings()).authenticate(alice.uid, 'not-the-password'))).toMatchObject({
        reason: 'INVALID_CREDENTIALS',
        message: wrongPasswordMessage,
      });
    });

    it('refuses an unknown user with the same message as a wrong password', async () => {
      const failure = failureOf(await directory(settings()).authenticate('nobody', 'whatever'));
      expect(failure).toMatchObject({ reason: 'USER_NOT_FOUND', message: wrongPasswordMessage });
      expect(failure.adminMessage).toContain("uid = 'nobody'");
    });
  });

  it('rejects an empty password before contacting the directory', async () => {
    const fresh = directory();
    expect(failureOf(await fresh.authenticate(alice.uid, ''))).toMatchObject({ reason: 'MISSING_CREDENTIALS', message: 'Enter your username and password.' });
    expect(failureOf(await fresh.authenticate('  ', alice.password)).reason).toBe('MISSING_CREDENTIALS');
    expect(fresh.stats().search.created + fresh.stats().bind.created).toBe(0);
  });

  it('treats filter syntax in a username as a literal name', async () => {
    const ldap = directory();
    for (const attempt of ['*)(uid=*', '*', 'alice)(|(uid=*', 'sta*', 'alic\\65']) {
      expect(failureOf(await ldap.authenticate(attempt, alice.password)).reason, attempt).toBe('USER_NOT_FOUND');
    }
    expect(await ldap.authenticate(star.uid, star.password)).toMatchObject({ ok: true, profile: { username: 'star*' } });
  });

  it('maps a user without displayName or phone, and reads a GUID whose bytes look like text as bytes', async () => {
    expect(await directory().authenticate(bob.uid, bob.password)).toEqual({
      ok: true,
      profile: { dn: `uid=bob,ou=people,${slapd.baseDn}`, username: 'bob', email: bob.mail, displayName: bob.cn, upn: bob.userPrincipalName, immutableId: bob.objectGUID.toString('base64') },
    });
  });

  it('signs in users with non-ASCII names and generated users', async () => {
    const ldap = directory();
    expect(await ldap.authenticate(zoe.uid, zoe.password)).toMatchObject({ ok: true, profile: { username: 'zoë', displayName: 'Zoë Ünicode' } });
    expect(await ldap.authenticate(generatedUserName(7), generatedUserPassword)).toMatchObject({ ok: true, profile: { username: 'user00007', email: 'user00007@countersign.test' } });
  });

  it.each([
    ['an administrator-locked account', disabled, 'ACCOUNT_DISABLED', /locked the account permanently/],
    ['a locked-out account', locked, 'ACCOUNT_LOCKED', /locked the account at/],
    ['an expired password', expired, 'PASSWORD_EXPIRED', /expired/],
    ['a password reset that must be changed', mustChange, 'MUST_CHANGE_PASSWORD', /must be changed/],
    ['a username shared by two entries', twin, 'AMBIGUOUS_USER', /Several entries have uid = 'twin'/],
  ])('refuses %s with the generic message and tells the admin why', async (_case, user, reason, adminMessage) => {
    const failure = failureOf(await directory().authenticate(user.uid, user.password));
    expect(failure).toMatchObject({ reason, message: wrongPasswordMessage });
    expect(failure.adminMessage).toMatch(adminMessage);
  });

  it('finds a user without a password', async () => {
    const ldap = directory();
    expect(await ldap.findUser('ALICE')).toMatchObject({ ok: true, profile: { username: 'alice', email: alice.mail } });
    expect(await ldap.findUser('twin')).toMatchObject({ ok: false, reason: 'AMBIGUOUS_USER' });
    expect(await ldap.findUser('nobody')).toMatchObject({ ok: false, reason: 'USER_NOT_FOUND' });
  });

  it('refuses LDAPS with a certificate from an unknown CA, unless checking is off', async () => {
    const untrusted = failureOf(await directory({ security: 'LDAPS', port: slapd.ldapsPort, caCertificatePem: '' }).authenticate(alice.uid, alice.password));
    expect(untrusted.reason).toBe('TLS_FAILED');
    expect(untrusted.adminMessage).toMatch(/signed by an untrusted CA/);
    const unchecked = await directory({ security: 'LDAPS', port: slapd.ldapsPort, caCertificatePem: '', verifyCertificate: false }).authenticate(alice.uid, alice.password);
    expect(unchecked.ok).toBe(true);
  });

  it('reports a rejected service account, and does not retry it on every sign-in', async () => {
    const ldap = directory({ bindPassword: 'wrong' });
    const first = failureOf(await ldap.authenticate(alice.uid, alice.password));
    expect(first).toMatchObject({ reason: 'SERVICE_BIND_FAILED', message: expect.stringMatching(/not available right now/) });
    expect(first.adminMessage).toContain(slapd.bindDn);
    expect(failureOf(await ldap.authenticate(alice.uid, alice.password)).reason).toBe('SERVICE_BIND_FAILED');
    expect(ldap.stats().search.created).toBe(0);
  });

  it('reports a base DN that does not exist', async () => {
    expect(failureOf(await directory({ baseDn: 'dc=nowhere,dc=test' }).authenticate(alice.uid, alice.password)).reason).toBe('BASE_DN_NOT_FOUND');
  });

  describe('with hosts that are down or silent', () => {
    let silent: SilentServer;
    beforeAll(async () => {
      silent = await startSilentServer();
    });
    afterAll(async () => {
      await silent?.stop();
    });

    it('fails over from a dead first host', async () => {
      const dead = await closedPort();
      const ldap = directory({ hosts: [`127.0.0.1:${dead}`, '127.0.0.1'] });
      expect((await ldap.authenticate(alice.uid, alice.password)).ok).toBe(true);
      expect((await ldap.authenticate(bob.uid, bob.password)).ok).toBe(true);
    });

    it('fails over from a host that accepts but never finishes StartTLS', async () => {
      const ldap = directory({ hosts: [`127.0.0.1:${silent.port}`, `127.0.0.1:${slapd.ldapPort}`], connectTimeoutMs: 300 });
      const started = Date.now();
      expect((await ldap.authenticate(alice.uid, alice.password)).ok).toBe(true);
      expect(Date.now() - started).toBeLessThan(1_500);
    });

    it('says the directory is unreachable when every host is down', async () => {
      const failure = failureOf(await directory({ hosts: [`127.0.0.1:${await closedPort()}`, `127.0.0.1:${await closedPort()}`] }).authenticate(alice.uid, alice.password));
      expect(failure.reason).toBe('DIRECTORY_UNREACHABLE');
      expect(failure.adminMessage).toMatch(/Nothing accepts connections on 127\.0\.0\.1:\d+\. Nothing accepts connections/);
    });

    it('tries each hanging host once, then says the directory timed out', async () => {
      const ldap = directory({ hosts: [`127.0.0.1:${silent.port}`, `localhost:${silent.port}`], connectTimeoutMs: 300 });
      const started = Date.now();
      const failure = failureOf(await ldap.authenticate(alice.uid, alice.password));
      expect(failure.reason).toBe('DIRECTORY_TIMEOUT');
      expect(failure.adminMessage).toMatch(/StartTLS exchange did not finish within 300 ms/);
      expect(Date.now() - started).toBeLessThan(900);
    });

    it('times out on a directory that never answers', async () => {
      const ldap = directory({ hosts: [`127.0.0.1:${silent.port}`], security: 'NONE', operationTimeoutMs: 300 });
      const started = Date.now();
      expect(failureOf(await ldap.authenticate(alice.uid, alice.password)).reason).toBe('DIRECTORY_TIMEOUT');
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(ldap.stats().search.open).toBe(0);
    });

    it('keeps signing users in on one directory while another hangs', async () => {
      const hanging = directory({ hosts: [`127.0.0.1:${silent.port}`], security: 'NONE', operationTimeoutMs: 2_000 });
      const healthy = directory();
      const stuck = Array.from({ length: 20 }, () => hanging.authenticate(alice.uid, alice.password));
      const started = Date.now();
      for (let i = 0; i < 10; i++) expect((await healthy.authenticate(alice.uid, alice.password)).ok).toBe(true);
      expect(Date.now() - started).toBeLessThan(500);
      const outcomes = await Promise.all(stuck);
      for (const outcome of outcomes) expect(['DIRECTORY_TIMEOUT', 'DIRECTORY_BUSY']).toContain(failureOf(outcome).reason);
      expect(hanging.stats().search.open).toBeLessThanOrEqual(8);
    });
  });

  it('reuses its connections under load and closes them all on close()', async () => {
    const before = establishedConnectionsTo(slapd.ldapPort);
    const ldap = createLdapDirectory(slapdConnectorConfig(slapd), { maxConnections: 4 });
    const run = async () => {
      await Promise.all(
        Array.from({ length: 16 }, async (_, worker) => {
          for (let i = 0; i < 10; i++) {
            const n = ((worker * 10 + i) % 20) + 1;
            expect((await ldap.authenticate(generatedUserName(n), generatedUserPassword)).ok).toBe(true);
          }
        }),
      );
    };
    await run();
    const afterFirst = ldap.stats();
    await run();
    const afterSecond = ldap.stats();
    expect(afterSecond.search.created).toBe(afterFirst.search.created);
    expect(afterSecond.bind.created).toBe(afterFirst.bind.created);
    expect(afterSecond.search.open + afterSecond.bind.open).toBeLessThanOrEqual(8);
    expect(establishedConnectionsTo(slapd.ldapPort) - before).toBe(afterSecond.search.open + afterSecond.bind.open);
    await ldap.close();
    await expect.poll(() => establishedConnectionsTo(slapd.ldapPort)).toBe(before);
    expect(failureOf(await ldap.authenticate(alice.uid, alice.password)).reason).toBe('DIRECTORY_CLOSED');
  });

  it('never hands a password to its logger', async () => {
    const logged: unknown[] = [];
    const logger = { warn: (details: Record<string, unknown>, message: string) => logged.push({ details, message }) };
    const dead = await closedPort();
    await directory({ hosts: [`127.0.0.1:${dead}`, '127.0.0.1'], bindPassword: 'Service-Secret-1' }, { logger }).authenticate(alice.uid, alice.password);
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toMatch(/Service-Secret-1|Alice-Passw0rd!/);
  });
});
