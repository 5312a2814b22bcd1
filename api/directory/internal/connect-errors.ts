import type { DirectorySecurity } from '../directory-type-defaults';
import type { DirectoryHost } from './directory-host';
import { DirectoryTimeoutError } from './with-timeout';

/** What went wrong while reaching a host, in an admin's words. */
export interface ConnectProblem {
  kind: 'dns' | 'refused' | 'timeout' | 'unroutable' | 'certificate' | 'protocol' | 'other';
  sentence: string;
  hint: string;
}

// OpenSSL's verify results as Node reports them (error.code or socket.authorizationError).
const certificateProblems: Record<string, [problem: string, hint: string]> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: ['self-signed', "Paste the directory's certificate (or the CA that signed it) into the CA certificate field."],
  SELF_SIGNED_CERT_IN_CHAIN: ['signed by an untrusted CA (self-signed root)', 'Paste the root CA certificate of your directory into the CA certificate field.'],
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ['signed by an untrusted CA', 'Paste the CA certificate that signed the directory certificate into the CA certificate field.'],
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: ['signed by an untrusted CA', 'Paste the CA certificate that signed the directory certificate into the CA certificate field.'],
  UNABLE_TO_GET_ISSUER_CERT: ['signed by an untrusted CA', 'Paste the CA certificate that signed the directory certificate into the CA certificate field.'],
  CERT_HAS_EXPIRED: ['expired', "Renew the directory's certificate."],
  CERT_NOT_YET_VALID: ['not valid yet', "Check the clocks of the directory server and of Countersign, or the certificate's start date."],
  ERR_TLS_CERT_ALTNAME_INVALID: ['issued for a different name', 'Connect using a name the certificate lists (see its subject alternative names), or reissue the certificate for this host.'],
  CERT_REVOKED: ['revoked', "Install a new certificate on the directory server."],
};

/** The certificate problem behind a Node TLS error code, if it is one. */
export function certificateProblem(code: string | undefined): { problem: string; hint: string } | undefined {
  const known = code ? certificateProblems[code] : undefined;
  return known ? { problem: known[0], hint: known[1] } : undefined;
}

/**
 * A hint when the port does not match the security, the most common setup mistake: LDAPS on
 * 389, or plain LDAP/StartTLS on 636 (3268/3269 for the global catalog).
 */
export function portMismatchHint(security: DirectorySecurity, port: number): string | undefined {
  if (security === 'LDAPS' && (port === 389 || port === 3268)) {
    return `Port ${port} normally speaks plain LDAP: choose StartTLS for it, or use port ${port === 3268 ? 3269 : 636} for LDAPS.`;
  }
  if (security !== 'LDAPS' && (port === 636 || port === 3269)) {
    return `Port ${port} normally speaks LDAPS: choose LDAPS, or use port ${port === 3269 ? 3268 : 389} for ${security === 'NONE' ? 'plain LDAP' : 'StartTLS'}.`;
  }
  return undefined;
}

/** Describes an error met while connecting to `host` (DNS, TCP, TLS or StartTLS). */
export function describeConnectError(error: unknown, host: DirectoryHost, security: DirectorySecurity): ConnectProblem {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message ?? String(error);
  const mismatch = portMismatchHint(security, host.port);
  const certificate = certificateProblem(code);
  if (certificate) {
    return { kind: 'certificate', sentence: `The certificate of ${host.label} is ${certificate.problem}, so Countersign does not trust it.`, hint: certificate.hint };
  }
  if (error instanceof DirectoryTimeoutError) {
    if (error.what === 'TCP connect' || error.what === 'Connecting') {
      return { kind: 'timeout', sentence: `${host.label} did not answer within ${error.timeoutMs} ms.`, hint: 'A firewall is probably dropping the connection: allow TCP from Countersign to this port, and check the host name and port.' };
    }
    return { kind: 'timeout', sentence: `${host.label} accepted the connection but the ${error.what} did not finish within ${error.timeoutMs} ms.`, hint: mismatch ?? 'Check that the security setting matches what the server speaks on this port.' };
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'ENODATA':
    case 'ESERVFAIL':
      return { kind: 'dns', sentence: `The name ${host.host} does not resolve.`, hint: 'Check the spelling, and that Countersign can resolve your internal DNS names; otherwise use the IP address.' };
    case 'ECONNREFUSED':
      return { kind: 'refused', sentence: `Nothing accepts connections on ${host.label}.`, hint: 'Check the port (389 for plain LDAP and StartTLS, 636 for LDAPS) and that the directory service is running.' };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { kind: 'unroutable', sentence: `There is no network route to ${host.label}.`, hint: 'Check the address, the VPN or the firewall between Countersign and the directory.' };
  }
  const tlsBroken = /wrong version number|packet length too long|disconnected before secure TLS|unknown protocol|ECONNRESET|closed before message response|socket hang up/i.test(`${code} ${message}`);
  if (tlsBroken && security !== 'NONE') {
    return {
      kind: 'protocol',
      sentence: security === 'LDAPS'
        ? `${host.label} did not answer the TLS handshake: it does not seem to speak LDAPS on this port.`
        : `${host.label} closed the connection when asked to start TLS: it does not seem to speak plain LDAP on this port.`,
      hint: mismatch ?? 'Check that the security setting matches what the server speaks on this port.',
    };
  }
  if (/unsupported protocol|no protocols available|handshake failure|alert/i.test(message)) {
    return { kind: 'protocol', sentence: `The TLS handshake with ${host.label} failed: ${message}.`, hint: 'The server may only offer outdated TLS versions; Countersign needs TLS 1.2 or later.' };
  }
  return { kind: 'other', sentence: `Connecting to ${host.label} failed: ${message}.`, hint: mismatch ?? 'Check the host, the port and the security setting.' };
}
