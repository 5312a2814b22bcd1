import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fixtureUsers } from '../../test/slapd/fixture-users';
import { closedPort, startSilentServer, type SilentServer } from '../../test/slapd/silent-server';
import { slapdConnectorConfig } from '../../test/slapd/slapd-connector-config';
import { slapdAvailability, startSlapd, type RunningSlapd } from '../../test/slapd/start-slapd';
import type { ConnectionTestReport, ConnectionTestStep, ConnectionTestStepName } from './connection-test-report';
import { testDirectoryConnector } from './test-directory-connector';

const availability = slapdAvailability();
if (!availability.available) console.warn(`Skipping the connection test tests: ${availability.reason}`);

const { alice } = fixtureUsers;
const allSteps: ConnectionTestStepName[] = ['DNS_RESOLUTION', 'TCP_CONNECT', 'TLS_HANDSHAKE', 'SERVICE_BIND', 'BASE_DN_READ', 'USER_SEARCH', 'SIGN_IN'];

function step(report: ConnectionTestReport, name: ConnectionTestStepName, host?: string): ConnectionTestStep {
  const found = report.steps.find((candidate) => candidate.step === name && (host === undefined || candidate.host === host));
  if (!found) throw new Error(`no ${name} step in ${JSON.stringify(report.steps.map((s) => s.step))}`);
  return found;
}

function outcomes(report: ConnectionTestReport): string[] {
  return report.steps.map((candidate) => `${candidate.step}:${candidate.outcome}`);
}

describe.skipIf(!availability.available)('connection test against a real slapd', () => {
  let slapd: RunningSlapd;
  let silent: SilentServer;
  const test = (overrides: Record<string, unknown>, options: { username?: string; password?: string } = {}) =>
    testDirectoryConnector(slapdConnectorConfig(slapd, overrides), options);

  beforeAll(async () => {
    [slapd, silent] = await Promise.all([startSlapd({ users: 20 }), startSilentServer()]);
  });
  afterAll(async () => {
    await Promise.all([slapd?.stop(), silent?.stop()]);
  });

  it('runs every step in order and shows the certificate and the signed-in profile', async () => {
    const report = await test({}, { username: alice.uid, password: alice.password });
    expect(report.ok).toBe(true);
    expect(report.steps.map((candidate) => candidate.step)).toEqual(allSteps);
    expect(report.steps.every((candidate) => candidate.outcome === 'ok' && candidate.durationMs >= 0)).toBe(true);
    expect(step(report, 'TLS_HANDSHAKE').certificate).toMatchObject({
      subject: expect.stringContaining('CN=localhost'),
      issuer: expect.stringContaining('CN=Countersign Test CA'),
      subjectAltNames: ['IP:127.0.0.1', 'DNS:localhost'],
      trusted: true,
    });
    expect(step(report, 'TLS_HANDSHAKE').hint).toBeUndefined();
    expect(step(report, 'SIGN_IN').profile).toEqual({
      dn: `uid=alice,ou=people,${slapd.baseDn}`, username: 'alice', email: alice.mail, displayName: alice.displayName,
      phone: alice.telephoneNumber, upn: alice.userPrincipalName, immutableId: alice.objectGUID.toString('base64'),
    });
    expect(report.connector).toEqual({
      name: 'Test slapd', type: 'OPENLDAP', hosts: ['127.0.0.1'], port: slapd.ldapPort, security: 'STARTTLS',
      baseDn: slapd.baseDn, bindDn: slapd.bindDn, loginProperty: 'uid',
    });
  });

  it('is plain JSON with no password in it', async () => {
    const report = await test({}, { username: alice.uid, password: alice.password });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(JSON.stringify(report)).not.toContain(slapd.bindPassword);
    expect(JSON.stringify(report)).not.toContain(alice.password);
  });

  it('shows sample users as they map when no test user is given', async () => {
    const report = await test({ security: 'LDAPS', port: slapd.ldapsPort });
    expect(report.ok).toBe(true);
    const search = step(report, 'USER_SEARCH');
    expect(search.sampleUsers).toHaveLength(5);
    expect(search.sampleUsers![0]).toMatchObject({ username: expect.any(String), displayName: expect.any(String) });
    expect(step(report, 'SIGN_IN')).toMatchObject({ outcome: 'skipped', message: 'Enter a test username and password to try a full sign-in.' });
  });

  it('says LDAPS does not work on a plain LDAP port', async () => {
    const report = await test({ security: 'LDAPS', port: slapd.ldapPort });
    expect(report.ok).toBe(false);
    expect(step(report, 'TLS_HANDSHAKE')).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/did not answer the TLS handshake: it does not seem to speak LDAPS on this port/) });
    expect(outcomes(report).slice(3)).toEqual(['SERVICE_BIND:skipped', 'BASE_DN_READ:skipped', 'USER_SEARCH:skipped', 'SIGN_IN:skipped']);
  });

  it('says StartTLS does not work on an LDAPS port', async () => {
    const report = await test({ security: 'STARTTLS', port: slapd.ldapsPort });
    expect(step(report, 'TLS_HANDSHAKE')).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/closed the connection when asked to start TLS/) });
  });

  it('says plain LDAP does not work on an LDAPS port', async () => {
    const report = await test({ security: 'NONE', port: slapd.ldapsPort });
    expect(step(report, 'TLS_HANDSHAKE')).toMatchObject({ outcome: 'skipped', hint: 'Passwords cross the network in clear text. Choose StartTLS or LDAPS.' });
    expect(step(report, 'SERVICE_BIND')).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/closed the connection while the service account signed in; it may not speak plain LDAP on this port/) });
  });

  it.each([
    ['LDAPS', () => ({ security: 'LDAPS', port: slapd.ldapsPort, caCertificatePem: '' })],
    ['StartTLS', () => ({ caCertificatePem: '' })],
  ])('refuses an untrusted certificate over %s and sends no password', async (_name, settings) => {
    const report = await test(settings(), { username: alice.uid, password: alice.password });
    const tls = step(report, 'TLS_HANDSHAKE');
    expect(tls).toMatchObject({ outcome: 'failed', certificate: { trusted: false, trustProblem: expect.stringMatching(/untrusted CA|self-signed/) } });
    expect(tls.message).toMatch(/is signed by an untrusted CA \(self-signed root\)\. Countersign does not trust it, so no password was sent\./);
    expect(tls.hint).toMatch(/CA certificate field/);
    expect(step(report, 'SERVICE_BIND').outcome).toBe('skipped');
  });

  it('goes on with certificate checking off, and warns about it', async () => {
    const report = await test({ caCertificatePem: '', verifyCertificate: false }, { username: alice.uid, password: alice.password });
    expect(report.ok).toBe(true);
    expect(step(report, 'TLS_HANDSHAKE')).toMatchObject({ outcome: 'ok', certificate: { trusted: false }, hint: expect.stringMatching(/Certificate checking is off/) });
  });

  it('reports a rejected service account', async () => {
    const report = await test({ bindPassword: 'not-the-password' });
    expect(step(report, 'SERVICE_BIND')).toMatchObject({
      outcome: 'failed',
      message: `The directory rejected the service account ${slapd.bindDn} (invalid credentials, result 49).`,
      hint: expect.stringMatching(/Check the service account's full DN/),
    });
    expect(outcomes(report).slice(4)).toEqual(['BASE_DN_READ:skipped', 'USER_SEARCH:skipped', 'SIGN_IN:skipped']);
  });

  it('reports a base DN that does not exist and names the ones that do', async () => {
    const report = await test({ baseDn: 'ou=nowhere,dc=countersign,dc=test' });
    expect(step(report, 'BASE_DN_READ')).toMatchObject({
      outcome: 'failed',
      message: 'The base DN ou=nowhere,dc=countersign,dc=test does not exist, or the service account may not read it.',
      hint: 'Check the spelling; this directory holds dc=countersign,dc=test.',
    });
  });

  it('reports a login property the users do not have, and suggests the ones they have', async () => {
    const report = await test({ loginProperty: 'sAMAccountName' });
    expect(step(report, 'USER_SEARCH')).toMatchObject({
      outcome: 'failed',
      message: 'None of the 5 users found has a sAMAccountName attribute, so nobody could sign in.',
      hint: expect.stringMatching(/These users have .*uid.*: choose one of them as the login property\./),
    });
  });

  it('reports a test user that cannot be found, and a test sign-in that fails', async () => {
    const missing = await test({}, { username: 'nobody', password: 'x' });
    expect(step(missing, 'USER_SEARCH')).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/No user has uid = 'nobody'/) });
    const wrong = await test({}, { username: alice.uid, password: 'wrong' });
    expect(step(wrong, 'SIGN_IN')).toMatchObject({ outcome: 'failed', reason: 'INVALID_CREDENTIALS', hint: expect.stringMatching(/not a connector setting/) });
    const locked = await test({}, { username: fixtureUsers.locked.uid, password: fixtureUsers.locked.password });
    expect(step(locked, 'SIGN_IN')).toMatchObject({ outcome: 'failed', reason: 'ACCOUNT_LOCKED' });
  });

  it('reports a port nobody listens on', async () => {
    const port = await closedPort();
    const report = await test({ hosts: [`127.0.0.1:${port}`] });
    expect(step(report, 'TCP_CONNECT')).toMatchObject({ outcome: 'failed', message: `Nothing accepts connections on 127.0.0.1:${port}.` });
    expect(step(report, 'SERVICE_BIND').message).toBe('Skipped: the directory host could not be reached securely.');
  });

  it('reports a server that never answers, within the timeout', async () => {
    const report = await test({ hosts: [`127.0.0.1:${silent.port}`], connectTimeoutMs: 300 });
    expect(step(report, 'TLS_HANDSHAKE')).toMatchObject({ outcome: 'failed', message: expect.stringMatching(/accepted the connection but the StartTLS exchange did not finish within 300 ms/) });
    expect(report.durationMs).toBeLessThan(1_500);
    const plain = await test({ hosts: [`127.0.0.1:${silent.port}`], security: 'NONE', operationTimeoutMs: 300 });
    expect(step(plain, 'SERVICE_BIND')).toMatchObject({ outcome: 'failed', message: 'The directory did not answer in time while the service account signed in.' });
  });

  it('reports a host name that does not resolve', async () => {
    const report = await test({ hosts: ['no-such-host.invalid'] });
    expect(step(report, 'DNS_RESOLUTION')).toMatchObject({ outcome: 'failed', message: 'The name no-such-host.invalid does not resolve.' });
  });

  it('checks every host and runs the directory steps on the first that works', async () => {
    const port = await closedPort();
    const report = await test({ hosts: [`127.0.0.1:${port}`, 'localhost'] }, { username: alice.uid, password: alice.password });
    expect(step(report, 'TCP_CONNECT', `127.0.0.1:${port}`).outcome).toBe('failed');
    expect(step(report, 'DNS_RESOLUTION', `localhost:${slapd.ldapPort}`)).toMatchObject({ outcome: 'ok', addresses: expect.arrayContaining(['127.0.0.1']) });
    expect(step(report, 'TLS_HANDSHAKE', `localhost:${slapd.ldapPort}`).outcome).toBe('ok');
    expect(step(report, 'SIGN_IN').outcome).toBe('ok');
    expect(report.ok).toBe(false);
  });
});
