import { describe, expect, it } from 'vitest';

import { describeConnectError, portMismatchHint } from './connect-errors';
import { parseHostEntry, type DirectoryHost } from './directory-host';
import { DirectoryTimeoutError } from './with-timeout';

const host = (entry: string) => parseHostEntry(entry, 389) as DirectoryHost;
const error = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('connection problems in plain words', () => {
  it('spots the classic port mistakes', () => {
    expect(portMismatchHint('LDAPS', 389)).toBe('Port 389 normally speaks plain LDAP: choose StartTLS for it, or use port 636 for LDAPS.');
    expect(portMismatchHint('STARTTLS', 636)).toBe('Port 636 normally speaks LDAPS: choose LDAPS, or use port 389 for StartTLS.');
    expect(portMismatchHint('NONE', 636)).toBe('Port 636 normally speaks LDAPS: choose LDAPS, or use port 389 for plain LDAP.');
    expect(portMismatchHint('LDAPS', 3268)).toMatch(/use port 3269 for LDAPS/);
    expect(portMismatchHint('LDAPS', 636)).toBeUndefined();
    expect(portMismatchHint('STARTTLS', 389)).toBeUndefined();
  });

  it('explains LDAPS sent to a plain LDAP port', () => {
    const problem = describeConnectError(error('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'), host('dc1.example.com'), 'LDAPS');
    expect(problem).toEqual({
      kind: 'protocol',
      sentence: 'dc1.example.com:389 did not answer the TLS handshake: it does not seem to speak LDAPS on this port.',
      hint: 'Port 389 normally speaks plain LDAP: choose StartTLS for it, or use port 636 for LDAPS.',
    });
  });

  it('explains StartTLS sent to an LDAPS port', () => {
    const problem = describeConnectError(new Error('Connection closed before message response was received. Message type: ExtendedRequest (0x77)'), host('dc1.example.com:636'), 'STARTTLS');
    expect(problem.sentence).toBe('dc1.example.com:636 closed the connection when asked to start TLS: it does not seem to speak plain LDAP on this port.');
    expect(problem.hint).toMatch(/choose LDAPS/);
  });

  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /is self-signed/, /Paste the directory's certificate/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /untrusted CA/, /root CA certificate/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /untrusted CA/, /CA certificate field/],
    ['CERT_HAS_EXPIRED', /is expired/, /Renew/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /issued for a different name/, /name the certificate lists/],
  ])('explains certificate problem %s', (code, sentence, hint) => {
    const problem = describeConnectError(error(code), host('dc1.example.com:636'), 'LDAPS');
    expect(problem.kind).toBe('certificate');
    expect(problem.sentence).toMatch(sentence);
    expect(problem.hint).toMatch(hint);
  });

  it.each([
    [error('ECONNREFUSED'), 'refused', /Nothing accepts connections on dc1\.example\.com:389/, /Check the port/],
    [error('ENOTFOUND'), 'dns', /does not resolve/, /DNS/],
    [error('EHOSTUNREACH'), 'unroutable', /no network route/, /firewall/],
    [new DirectoryTimeoutError('TCP connect', 5000), 'timeout', /did not answer within 5000 ms/, /firewall is probably dropping/],
    [new DirectoryTimeoutError('TLS handshake', 5000), 'timeout', /accepted the connection but the TLS handshake did not finish/, /security setting matches/],
  ])('explains %s', (cause, kind, sentence, hint) => {
    const problem = describeConnectError(cause, host('dc1.example.com'), 'STARTTLS');
    expect(problem.kind).toBe(kind);
    expect(problem.sentence).toMatch(sentence);
    expect(problem.hint).toMatch(hint);
  });
});
