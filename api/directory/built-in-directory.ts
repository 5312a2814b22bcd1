import type Database from 'better-sqlite3';
import { dummyPasswordHash, verifyPassword, type Sealed, type Sealer } from '../crypto';
import type { ConnectionTestOptions, ConnectionTestReport, ConnectionTestStep } from './connection-test-report';
import type { AuthenticationResult, Directory, DirectoryUserProfile, UserLookupResult } from './directory';
import { directoryFailure } from './directory-failure';

interface UserRow {
  id: string;
  username: string;
  email: string;
  display_name: string;
  phone: string | null;
  immutable_id: string;
  enabled: number;
  password_hash: Sealed | null;
}

/**
 * Countersign's own directory, for organisations without one: users live in events, are
 * read from the directory_users read model, and passwords are scrypt hashes sealed at rest.
 * It answers exactly like an LDAP connector, failures included.
 */
export function createBuiltInDirectory(deps: { readDb: Database.Database; sealer: Sealer; tenantId: string; connectorId: string; name: string }): Directory {
  const byLogin = deps.readDb.prepare('SELECT * FROM directory_users WHERE tenant_id = ? AND connector_id = ? AND username_lower = ?');
  const sample = deps.readDb.prepare('SELECT * FROM directory_users WHERE tenant_id = ? AND connector_id = ? ORDER BY username_lower LIMIT 3');
  const count = deps.readDb.prepare('SELECT COUNT(*) FROM directory_users WHERE tenant_id = ? AND connector_id = ?').pluck();
  const find = (username: string) => byLogin.get(deps.tenantId, deps.connectorId, username.trim().toLowerCase()) as UserRow | undefined;

  const lookup = (username: string): UserLookupResult => {
    const row = find(username);
    if (!row) return directoryFailure('USER_NOT_FOUND');
    if (!row.enabled) return directoryFailure('ACCOUNT_DISABLED');
    return { ok: true, profile: toProfile(row) };
  };

  const authenticate = async (username: string, password: string): Promise<AuthenticationResult> => {
    if (!username.trim() || !password) return directoryFailure('MISSING_CREDENTIALS');
    const row = find(username);
    const stored = row?.password_hash ? deps.sealer.unseal(row.password_hash, 'directoryUser:passwordHash') : await dummyPasswordHash();
    const passwordOk = await verifyPassword(password, stored);
    if (!row) return directoryFailure('USER_NOT_FOUND');
    if (!row.password_hash) return directoryFailure('MUST_CHANGE_PASSWORD', { adminMessage: 'The user has no password yet; set one or send a password link.' });
    if (!passwordOk) return directoryFailure('INVALID_CREDENTIALS');
    if (!row.enabled) return directoryFailure('ACCOUNT_DISABLED');
    return { ok: true, profile: toProfile(row) };
  };

  return {
    type: 'BUILT_IN',
    authenticate,
    async findUser(username) {
      return lookup(username);
    },
    async test(options: ConnectionTestOptions = {}): Promise<ConnectionTestReport> {
      const started = performance.now();
      const steps: ConnectionTestStep[] = [];
      const users = count.get(deps.tenantId, deps.connectorId) as number;
      const sampleUsers = (sample.all(deps.tenantId, deps.connectorId) as UserRow[]).map(toProfile);
      steps.push({
        step: 'USER_SEARCH',
        outcome: users > 0 ? 'ok' : 'failed',
        durationMs: Math.round(performance.now() - started),
        message: users > 0 ? `The built-in directory has ${users} user${users === 1 ? '' : 's'}.` : 'The built-in directory has no users yet.',
        ...(users > 0 ? { sampleUsers } : { hint: 'Add users on the Users page or import a CSV file.' }),
      });
      if (options.username) {
        const t = performance.now();
        const result = options.password ? await authenticate(options.username, options.password) : lookup(options.username);
        steps.push({
          step: 'SIGN_IN',
          outcome: result.ok ? 'ok' : 'failed',
          durationMs: Math.round(performance.now() - t),
          message: result.ok ? `${options.username} ${options.password ? 'signed in' : 'was found'}.` : result.adminMessage,
          ...(result.ok ? { profile: result.profile } : { reason: result.reason }),
        });
      }
      return {
        connector: { name: deps.name, type: 'BUILT_IN', hosts: [] },
        ok: steps.every((s) => s.outcome !== 'failed'),
        durationMs: Math.round(performance.now() - started),
        steps,
      };
    },
    async close() {},
  };
}

function toProfile(row: UserRow): DirectoryUserProfile {
  return {
    dn: `uid=${row.username},countersign-built-in`,
    username: row.username,
    email: row.email,
    displayName: row.display_name,
    ...(row.phone ? { phone: row.phone } : {}),
    upn: row.email,
    immutableId: row.immutable_id,
  };
}
