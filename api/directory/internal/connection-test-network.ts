import { lookup } from 'node:dns/promises';
import { isIP, type Socket } from 'node:net';

import type { ConnectionTestStep } from '../connection-test-report';
import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import { describeConnectError } from './connect-errors';
import { runStep, skippedStep, tlsStepResult } from './connection-test-steps';
import type { DirectoryHost } from './directory-host';
import { closeSession, connectTcp, ldapSessionOver, startTls, tlsOptionsFor, wrapTls, type LdapSession } from './ldap-transport';
import { DirectoryTimeoutError, withTimeout } from './with-timeout';

/** The network checks of one host and, when they all passed, a session ready to bind. */
export interface HostCheck {
  steps: ConnectionTestStep[];
  session?: LdapSession;
}

/**
 * DNS resolution, TCP connect and the TLS handshake (LDAPS or StartTLS) for one host. The
 * handshake completes even for an untrusted certificate so it can be shown; the session is only
 * handed on when the certificate is trusted or checking is off.
 */
export async function checkHost(config: LdapDirectoryConnectorConfig, host: DirectoryHost): Promise<HostCheck> {
  const steps: ConnectionTestStep[] = [];
  const label = host.label;
  const failedProblem = (error: unknown) => {
    const problem = describeConnectError(error, host, config.security);
    return { outcome: 'failed' as const, message: problem.sentence, hint: problem.hint };
  };
  const skipRest = (after: string) => {
    if (steps.length < 2) steps.push(skippedStep('TCP_CONNECT', `Skipped: ${after} failed.`, label));
    steps.push(skippedStep('TLS_HANDSHAKE', `Skipped: ${after} failed.`, label));
    return { steps };
  };

  let addresses: string[] = [];
  steps.push(
    await runStep('DNS_RESOLUTION', label, async () => {
      if (isIP(host.host)) {
        addresses = [host.host];
        return { outcome: 'ok', addresses, message: `${host.host} is an IP address; there is no name to resolve.` };
      }
      try {
        const found = await withTimeout(lookup(host.host, { all: true }), config.connectTimeoutMs, 'DNS lookup');
        addresses = found.map((entry) => entry.address);
        return { outcome: 'ok', addresses, message: `${host.host} resolves to ${addresses.join(', ')}.` };
      } catch (error) {
        if (error instanceof DirectoryTimeoutError) {
          return { outcome: 'failed', message: `Looking up ${host.host} took longer than ${error.timeoutMs} ms.`, hint: 'Check the DNS servers Countersign uses, or use the IP address.' };
        }
        return failedProblem(error);
      }
    }),
  );
  if (addresses.length === 0) return skipRest('DNS resolution');

  let socket: Socket | undefined;
  steps.push(
    await runStep('TCP_CONNECT', label, async () => {
      try {
        socket = await connectTcp(addresses[0]!, host.port, config.connectTimeoutMs);
        return { outcome: 'ok', message: `${label} accepts TCP connections (${addresses[0]}).` };
      } catch (error) {
        return failedProblem(error);
      }
    }),
  );
  if (!socket) return skipRest('the TCP connection');

  if (config.security === 'NONE') {
    steps.push(skippedStep('TLS_HANDSHAKE', 'Security is NONE: the connection is not encrypted.', label));
    steps.at(-1)!.hint = 'Passwords cross the network in clear text. Choose StartTLS or LDAPS.';
    return { steps, session: ldapSessionOver(socket, host, config.operationTimeoutMs) };
  }

  let session: LdapSession | undefined;
  let trusted = false;
  const tcp = socket;
  steps.push(
    await runStep('TLS_HANDSHAKE', label, async () => {
      const options = tlsOptionsFor(config, host, true);
      try {
        if (config.security === 'LDAPS') {
          const secure = await wrapTls(tcp, options, config.connectTimeoutMs);
          session = ldapSessionOver(secure, host, config.operationTimeoutMs);
        } else {
          session = ldapSessionOver(tcp, host, config.operationTimeoutMs);
          await startTls(session, options, config.connectTimeoutMs);
        }
      } catch (error) {
        return failedProblem(error);
      }
      const result = tlsStepResult(session.tlsSocket!, label, config.verifyCertificate);
      trusted = result.outcome === 'ok';
      return result;
    }),
  );
  if (!session || !trusted) {
    if (session) closeSession(session);
    tcp.destroy();
    return { steps };
  }
  return { steps, session };
}
