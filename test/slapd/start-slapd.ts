import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { directoryDataLdif, sshaHash } from './internal/directory-data-ldif';
import { freePort, waitForPort } from './internal/free-port';
import { slapdConfigLdif } from './internal/slapd-config-ldif';
import { makeTestCertificates } from './internal/test-certificates';

const run = promisify(execFile);
const slapdBinary = '/usr/sbin/slapd';
const slapaddBinary = '/usr/sbin/slapadd';

/** How to shape a test directory. */
export interface StartSlapdOptions {
  /** Generated users (`user00001`, ...) besides the fixture users. Default 20. */
  users?: number;
  /** slapd worker threads. Default 2: on a 2-core machine more threads only add contention (see bench/ldap.bench.ts). */
  threads?: number;
}

/** A running slapd on loopback and what a directory connector needs to reach it. */
export interface RunningSlapd {
  host: '127.0.0.1';
  ldapPort: number;
  ldapsPort: number;
  /** Plain LDAP, StartTLS-capable. */
  ldapUrl: string;
  ldapsUrl: string;
  /** The private CA that signed the server certificate (for 127.0.0.1 and localhost). */
  caPem: string;
  baseDn: string;
  /** The service account: reads users, nothing else. */
  bindDn: string;
  bindPassword: string;
  /** The rootDN, for tests that need to change data. */
  adminDn: string;
  adminPassword: string;
  /** Stops slapd and deletes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Whether this machine can run a test slapd. Suites skip (and say why) when it cannot; CI runs
 * `scripts/install-system-deps.sh` first, so there it always can.
 */
export function slapdAvailability(): { available: true } | { available: false; reason: string } {
  const missing = [slapdBinary, slapaddBinary, '/usr/lib/ldap/back_mdb.so', '/usr/lib/ldap/ppolicy.so', '/etc/ldap/schema/core.ldif']
    .filter((path) => !existsSync(path));
  if (missing.length > 0) {
    return { available: false, reason: `slapd is not installed (missing ${missing.join(', ')}); run scripts/install-system-deps.sh` };
  }
  return { available: true };
}

// slapd runs under a small shell that stops it when our stdin closes, so a test worker that is
// killed outright leaves no slapd behind.
const guardScript = 'exec 3<&0; "$@" & pid=$!; ( read -r _ <&3; kill -TERM $pid 2>/dev/null ) & guard=$!; wait $pid; status=$?; kill $guard 2>/dev/null; exit $status';

/**
 * Starts a real OpenLDAP slapd on 127.0.0.1 in a fresh temp folder: a private CA and server
 * certificate, cn=config loaded with `slapadd -n0`, the org loaded offline with `slapadd -q`
 * (10,000 users load in about a second), then slapd on one plain/StartTLS port and one LDAPS
 * port, both picked free. Works as root (slapd keeps root; no AppArmor on the test machines).
 */
export async function startSlapd(options: StartSlapdOptions = {}): Promise<RunningSlapd> {
  const availability = slapdAvailability();
  if (!availability.available) throw new Error(availability.reason);
  const folder = await mkdtemp(join(tmpdir(), 'countersign-slapd-'));
  try {
    const baseDn = 'dc=countersign,dc=test';
    const adminDn = `cn=admin,${baseDn}`;
    const adminPassword = 'admin-secret';
    const bindDn = `cn=countersign-reader,ou=services,${baseDn}`;
    const bindPassword = 'reader-secret';
    const certificates = await makeTestCertificates(folder);
    const configFolder = join(folder, 'slapd.d');
    const dataFolder = join(folder, 'data');
    await Promise.all([mkdir(configFolder), mkdir(dataFolder)]);
    await writeFile(join(folder, 'config.ldif'), slapdConfigLdif({
      folder, dataFolder, baseDn, rootDn: adminDn, rootPasswordHash: sshaHash(adminPassword),
      serviceDn: bindDn, certificates, threads: options.threads ?? 2,
    }));
    await writeFile(join(folder, 'data.ldif'), directoryDataLdif({ baseDn, serviceDn: bindDn, servicePassword: bindPassword }, options.users ?? 20));
    await run(slapaddBinary, ['-n0', '-F', configFolder, '-l', join(folder, 'config.ldif')]);
    await run(slapaddBinary, ['-q', '-n1', '-F', configFolder, '-l', join(folder, 'data.ldif')], { maxBuffer: 16 * 1024 * 1024 });

    const { child, ldapPort, ldapsPort } = await launch(configFolder);
    let stopped: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopped ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.stdin?.end();
          await exited;
        }
        await rm(folder, { recursive: true, force: true });
      })());
    const killOnExit = (): void => {
      child.kill('SIGKILL');
    };
    process.once('exit', killOnExit);
    return {
      host: '127.0.0.1', ldapPort, ldapsPort,
      ldapUrl: `ldap://127.0.0.1:${ldapPort}`, ldapsUrl: `ldaps://127.0.0.1:${ldapsPort}`,
      caPem: certificates.caPem, baseDn, bindDn, bindPassword, adminDn, adminPassword, stop,
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

async function launch(configFolder: string): Promise<{ child: ChildProcess; ldapPort: number; ldapsPort: number }> {
  for (let attempt = 1; ; attempt++) {
    const [ldapPort, ldapsPort] = [await freePort(), await freePort()];
    const urls = `ldap://127.0.0.1:${ldapPort}/ ldaps://127.0.0.1:${ldapsPort}/`;
    // -d 0 keeps slapd in the foreground (no fork) while logging nothing.
    const child = spawn('bash', ['-c', guardScript, 'slapd-guard', slapdBinary, '-d', '0', '-h', urls, '-F', configFolder], {
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const isDead = (): string | undefined => {
      if (child.exitCode === null && child.signalCode === null) return undefined;
      // Ubuntu (not Debian) confines /usr/sbin/slapd with AppArmor, which forbids our temp folder.
      const apparmor = /permission denied/i.test(stderr) ? ' If AppArmor is enabled, run: sudo aa-complain /usr/sbin/slapd' : '';
      return `slapd exited during start-up: ${stderr.trim()}${apparmor}`;
    };
    try {
      await waitForPort(ldapPort, 10_000, isDead);
      await waitForPort(ldapsPort, 10_000, isDead);
      return { child, ldapPort, ldapsPort };
    } catch (error) {
      child.stdin?.end();
      child.kill();
      if (attempt >= 3 || !/in use/i.test(stderr)) throw error;
    }
  }
}
