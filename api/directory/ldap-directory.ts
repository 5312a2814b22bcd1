import { ResultCodeError } from 'ldapts';

import { AppError } from '../errors';
import type { ConnectionTestOptions, ConnectionTestReport } from './connection-test-report';
import type { LdapDirectoryConnectorConfig } from './directory-connector-config';
import { directoryFailure, type DirectoryFailure } from './directory-failure';
import type { AuthenticationResult, Directory, UserLookupResult } from './directory';
import { activeDirectoryMeaning } from './internal/active-directory-errors';
import { ConnectionPool, type ConnectionPoolStats } from './internal/connection-pool';
import { directoryHosts } from './internal/directory-host';
import { diagnosticOf, failureFromError, isConnectionError, isRetryable } from './internal/failure-from-error';
import { HostFailover } from './internal/host-failover';
import { closeSession, isSessionOpen, openLdapSession, type LdapSession } from './internal/ldap-transport';
import { bindAsUser } from './internal/user-bind';
import { userProfileOf } from './internal/user-profile';
import { findUserEntry, normalizeUsername, prepareUserSearch, type UserSearch } from './internal/user-search';
import { testDirectoryConnector } from './test-directory-connector';

/** Pool and failover tuning for one LDAP directory client; the defaults suit most sites. */
export interface LdapDirectoryOptions {
  /** Most connections per pool; each client has two pools (service searches, user binds). Default 8. */
  maxConnections?: number;
  /** Idle connections are closed after this long (Active Directory drops them at 15 min). Default 60 s. */
  idleTimeoutMs?: number;
  /** How long a host that failed to connect is tried last. Default 30 s. */
  hostCooldownMs?: number;
  /** After the service account is rejected, fail fast for this long instead of retrying the bind on every sign-in (which could lock it out). Default 30 s. */
  serviceBindRetryMs?: number;
  /** Where failovers and service-account problems are reported. Passwords never reach it. */
  logger?: { warn(details: Record<string, unknown>, message: string): void };
}

/** Connection counts of one client, for health pages and the bench. */
export interface LdapDirectoryStats {
  search: ConnectionPoolStats;
  bind: ConnectionPoolStats;
}

/**
 * A pooled client for one version of one LDAP directory connector. Sign-ins search with the
 * service account on one pool of connections and check the password on another (a connection a
 * user bound on never searches), fail over across the connector's hosts, and bound every wait
 * by the connector's timeouts, so a slow directory only slows its own sign-ins.
 */
export class LdapDirectory implements Directory {
  readonly type: LdapDirectoryConnectorConfig['type'];
  readonly #config: LdapDirectoryConnectorConfig;
  readonly #search: UserSearch;
  readonly #failover: HostFailover;
  readonly #servicePool: ConnectionPool<LdapSession>;
  readonly #bindPool: ConnectionPool<LdapSession>;
  readonly #options: LdapDirectoryOptions;
  #serviceBindFailure?: { error: AppError; until: number };

  constructor(config: LdapDirectoryConnectorConfig, options: LdapDirectoryOptions = {}) {
    this.type = config.type;
    this.#config = config;
    this.#options = options;
    this.#search = prepareUserSearch(config);
    this.#failover = new HostFailover(directoryHosts(config.hosts, config.port), options.hostCooldownMs ?? 30_000);
    const pool = (create: () => Promise<LdapSession>) =>
      new ConnectionPool<LdapSession>({
        max: options.maxConnections ?? 8,
        acquireTimeoutMs: config.operationTimeoutMs,
        idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
        create,
        isOpen: isSessionOpen,
        destroy: closeSession,
      });
    this.#servicePool = pool(() => this.#openServiceSession());
    this.#bindPool = pool(() => this.#connect());
  }

  async authenticate(username: string, password: string): Promise<AuthenticationResult> {
    const name = normalizeUsername(username);
    if (typeof name !== 'string') return name;
    if (password === '') return directoryFailure('MISSING_CREDENTIALS');
    const found = await this.#run(this.#servicePool, 'while searching for the user', (session) => findUserEntry(session.client, this.#search, name));
    if (!found.ok) return found;
    const bound = await this.#run(this.#bindPool, "while checking the user's password", (session) =>
      bindAsUser(session.client, this.#config, found.entry, password),
    );
    if (!bound.ok) return bound;
    const profile = userProfileOf(found.entry, this.#config, name);
    return bound.passwordWarning ? { ok: true, profile, passwordWarning: bound.passwordWarning } : { ok: true, profile };
  }

  async findUser(username: string): Promise<UserLookupResult> {
    const name = normalizeUsername(username);
    if (typeof name !== 'string') return name;
    const found = await this.#run(this.#servicePool, 'while searching for the user', (session) => findUserEntry(session.client, this.#search, name));
    return found.ok ? { ok: true, profile: userProfileOf(found.entry, this.#config, name) } : found;
  }

  /** Runs {@link testDirectoryConnector} with this connector's settings, on its own connections. */
  test(options: ConnectionTestOptions = {}): Promise<ConnectionTestReport> {
    return testDirectoryConnector(this.#config, options);
  }

  stats(): LdapDirectoryStats {
    return { search: this.#servicePool.stats(), bind: this.#bindPool.stats() };
  }

  async close(): Promise<void> {
    await Promise.all([this.#servicePool.close(), this.#bindPool.close()]);
  }

  /** Runs `work` on a pooled session; a broken connection is retried once on a fresh one. */
  async #run<R>(pool: ConnectionPool<LdapSession>, during: string, work: (session: LdapSession) => Promise<R | DirectoryFailure>): Promise<R | DirectoryFailure> {
    const keep = (error: unknown) => !isConnectionError(error);
    try {
      try {
        return await pool.use(work, keep);
      } catch (error) {
        if (!isRetryable(error)) throw error;
        return await pool.use(work, keep);
      }
    } catch (error) {
      return failureFromError(error, during, this.#config.security);
    }
  }

  #connect(): Promise<LdapSession> {
    return this.#failover.connect(async (host) => {
      try {
        return await openLdapSession(this.#config, host);
      } catch (error) {
        this.#options.logger?.warn({ connector: this.#config.name, host: host.label, error: (error as Error).message }, 'directory host failed; trying the next one');
        throw error;
      }
    });
  }

  async #openServiceSession(): Promise<LdapSession> {
    const remembered = this.#serviceBindFailure;
    if (remembered && remembered.until > Date.now()) throw remembered.error;
    const session = await this.#connect();
    try {
      await session.client.bind(this.#config.bindDn, this.#config.bindPassword);
      this.#serviceBindFailure = undefined;
      return session;
    } catch (error) {
      closeSession(session);
      if (!(error instanceof ResultCodeError) || isConnectionError(error)) throw error;
      const diagnostic = diagnosticOf(error);
      const meaning = activeDirectoryMeaning(diagnostic);
      const rejected = new AppError(
        'DIRECTORY_BIND_FAILED',
        `The directory rejected the service account ${this.#config.bindDn}${meaning ? `: ${meaning.adminMessage}` : ` (result ${error.code}).`}`,
        { diagnostic, resultCode: error.code },
      );
      this.#options.logger?.warn({ connector: this.#config.name, bindDn: this.#config.bindDn, resultCode: error.code, diagnostic }, 'directory service account rejected');
      if (error.code === 49) this.#serviceBindFailure = { error: rejected, until: Date.now() + (this.#options.serviceBindRetryMs ?? 30_000) };
      throw rejected;
    }
  }
}

/** Creates the pooled client of one connector version; call `close()` when the version is replaced. */
export function createLdapDirectory(config: LdapDirectoryConnectorConfig, options?: LdapDirectoryOptions): LdapDirectory {
  return new LdapDirectory(config, options);
}
