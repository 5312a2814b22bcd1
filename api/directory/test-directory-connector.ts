import type { ConnectionTestOptions, ConnectionTestReport, ConnectionTestStep } from './connection-test-report';
import type { LdapDirectoryConnectorConfig } from './directory-connector-config';
import { checkDirectory } from './internal/connection-test-directory';
import { checkHost } from './internal/connection-test-network';
import { skippedStep } from './internal/connection-test-steps';
import { directoryHosts, type DirectoryHost } from './internal/directory-host';
import { closeSession, type LdapSession } from './internal/ldap-transport';
import { prepareUserSearch } from './internal/user-search';

/**
 * Tests a connector the way an admin needs when setting it up, on fresh connections (never the
 * sign-in pool). For every host, in order: DNS resolution, TCP connect, TLS handshake (with the
 * certificate's subject, issuer, expiry and whether it is trusted). Then, on the first host that
 * passed: the service-account bind, a read of the base DN, a user search (the test user, or a
 * sample showing mapped attributes) and, given a password, a full first-factor sign-in showing
 * the mapped profile. Each step carries its outcome, its duration, a plain sentence and, when
 * something is wrong, a hint. Never throws; the report is plain JSON and holds no password.
 */
export async function testDirectoryConnector(config: LdapDirectoryConnectorConfig, options: ConnectionTestOptions = {}): Promise<ConnectionTestReport> {
  const started = performance.now();
  const steps: ConnectionTestStep[] = [];
  let chosen: { session: LdapSession; host: DirectoryHost } | undefined;
  try {
    for (const host of directoryHosts(config.hosts, config.port)) {
      const check = await checkHost(config, host);
      steps.push(...check.steps);
      if (!check.session) continue;
      if (chosen) closeSession(check.session);
      else chosen = { session: check.session, host };
    }
    if (chosen) {
      steps.push(...(await checkDirectory(config, prepareUserSearch(config), chosen.session, chosen.host, options)));
    } else {
      const reached = config.security === 'NONE' ? 'reached' : 'reached securely';
      const why = config.hosts.length > 1 ? `no directory host could be ${reached}` : `the directory host could not be ${reached}`;
      for (const step of ['SERVICE_BIND', 'BASE_DN_READ', 'USER_SEARCH', 'SIGN_IN'] as const) steps.push(skippedStep(step, `Skipped: ${why}.`));
    }
  } finally {
    if (chosen) closeSession(chosen.session);
  }
  return {
    connector: {
      name: config.name,
      type: config.type,
      hosts: [...config.hosts],
      port: config.port,
      security: config.security,
      baseDn: config.baseDn,
      bindDn: config.bindDn,
      loginProperty: config.loginProperty,
    },
    ok: steps.every((step) => step.outcome !== 'failed'),
    durationMs: Math.round(performance.now() - started),
    steps,
  };
}
