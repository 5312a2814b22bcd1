import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';

import { Client } from 'ldapts';

import type { LdapDirectoryConnectorConfig } from '../directory-connector-config';
import type { DirectoryHost } from './directory-host';
import { DirectoryTimeoutError, withTimeout } from './with-timeout';

const ignore = (): void => undefined;

/**
 * TLS settings for one host. With `inspect`, the handshake completes even for an untrusted
 * certificate so the connection test can show it; the caller must then check `authorized`
 * before sending any password.
 */
export function tlsOptionsFor(config: LdapDirectoryConnectorConfig, host: DirectoryHost, inspect = false): ConnectionOptions {
  return {
    host: host.host,
    // SNI only carries names, never IP addresses (RFC 6066).
    ...(isIP(host.host) === 0 ? { servername: host.host } : {}),
    ...(config.caCertificatePem ? { ca: config.caCertificatePem } : {}),
    rejectUnauthorized: inspect ? false : config.verifyCertificate,
    minVersion: 'TLSv1.2',
  };
}

/** Opens a TCP connection to `address` (an IP or name) within `timeoutMs`. */
export function connectTcp(address: string, port: number, timeoutMs: number): Promise<Socket> {
  const socket = netConnect({ host: address, port });
  socket.on('error', ignore);
  const connected = new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => {
      socket.off('error', reject);
      socket.setNoDelay(true);
      resolve(socket);
    });
    socket.once('error', reject);
  });
  return withTimeout(connected, timeoutMs, 'TCP connect', () => socket.destroy());
}

/** Runs the LDAPS handshake on a connected TCP socket within `timeoutMs`. */
export function wrapTls(socket: Socket, options: ConnectionOptions, timeoutMs: number): Promise<TLSSocket> {
  const secure = tlsConnect({ ...options, socket });
  secure.on('error', ignore);
  const handshake = new Promise<TLSSocket>((resolve, reject) => {
    secure.once('secureConnect', () => {
      secure.off('error', reject);
      resolve(secure);
    });
    secure.once('error', reject);
  });
  return withTimeout(handshake, timeoutMs, 'TLS handshake', () => secure.destroy());
}

/** An ldapts client speaking over an already connected socket, plus the TLS socket StartTLS makes. */
export interface LdapSession {
  client: Client;
  /** The socket the session was opened over (TLS from the start for LDAPS). */
  socket: Socket;
  /** Set for LDAPS from the start, and after {@link startTls}. */
  tlsSocket?: TLSSocket;
}

/**
 * True while the session's sockets are open. ldapts' own `isConnected` is no help here: it is
 * false until the first operation and stays true after a StartTLS session's socket closes.
 */
export function isSessionOpen(session: LdapSession): boolean {
  const open = (socket?: Socket): boolean => !socket || (!socket.destroyed && socket.readyState === 'open');
  return open(session.socket) && open(session.tlsSocket);
}

/** Ends a session without waiting for the directory: unbind is best effort. */
export function closeSession(session: LdapSession): void {
  void session.client.unbind().catch(ignore);
  session.tlsSocket?.destroy();
  session.socket.destroy();
}

/**
 * Wraps a connected socket (plain or TLS) in an ldapts client. ldapts never dials itself: if
 * the socket dies, the next operation fails instead of silently reconnecting unauthenticated.
 */
export function ldapSessionOver(socket: Socket, host: DirectoryHost, operationTimeoutMs: number): LdapSession {
  let handedOver = false;
  // ldapts listens for errors only from its first operation on; until then a reset must not
  // become an unhandled 'error' event.
  socket.on('error', ignore);
  const session: LdapSession = {
    client: undefined as unknown as Client,
    socket,
    tlsSocket: 'encrypted' in socket ? (socket as TLSSocket) : undefined,
  };
  session.client = new Client({
    url: `ldap://${host.label}`,
    timeout: operationTimeoutMs,
    createConnection: (() => {
      if (handedOver) throw new Error('The directory connection was closed.');
      handedOver = true;
      return socket;
    }) as unknown as typeof netConnect,
    createSecureConnection: ((options: ConnectionOptions) => {
      session.tlsSocket = tlsConnect(options);
      session.tlsSocket.on('error', ignore);
      return session.tlsSocket;
    }) as unknown as typeof tlsConnect,
  });
  return session;
}

/** Upgrades a plain session with the StartTLS extended operation within `timeoutMs`. */
export async function startTls(session: LdapSession, options: ConnectionOptions, timeoutMs: number): Promise<TLSSocket> {
  await withTimeout(session.client.startTLS({ ...options }), timeoutMs, 'StartTLS exchange', () => closeSession(session));
  if (!session.tlsSocket) throw new Error('StartTLS finished without a TLS socket.');
  return session.tlsSocket;
}

/**
 * Connects to one host the way the connector says (plain, StartTLS or LDAPS) with certificate
 * checking as configured, and returns an unauthenticated session.
 */
export async function openLdapSession(config: LdapDirectoryConnectorConfig, host: DirectoryHost): Promise<LdapSession> {
  const deadline = Date.now() + config.connectTimeoutMs;
  const remaining = (): number => {
    const left = deadline - Date.now();
    if (left <= 0) throw new DirectoryTimeoutError('Connecting', config.connectTimeoutMs);
    return left;
  };
  let socket: Socket | undefined;
  try {
    socket = await connectTcp(host.host, host.port, remaining());
    if (config.security === 'LDAPS') {
      const secure = await wrapTls(socket, tlsOptionsFor(config, host), remaining());
      return ldapSessionOver(secure, host, config.operationTimeoutMs);
    }
    const session = ldapSessionOver(socket, host, config.operationTimeoutMs);
    if (config.security === 'STARTTLS') await startTls(session, tlsOptionsFor(config, host), remaining());
    return session;
  } catch (error) {
    socket?.destroy();
    // Report the connector's connect timeout, not the part of it that was left for this stage.
    throw error instanceof DirectoryTimeoutError ? new DirectoryTimeoutError(error.what, config.connectTimeoutMs) : error;
  }
}
