import type Database from 'better-sqlite3';
import type { Sealer } from '../crypto';
import type { StoredConnectorConfig } from '../domain/directory';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { createBuiltInDirectory } from './built-in-directory';
import type { Directory } from './directory';
import { createLdapDirectory } from './ldap-directory';

interface ConnectorRow {
  id: string;
  tenant_id: string;
  config: string;
  version: number;
}

/**
 * One live `Directory` per connector version: sign-ins reuse its connection pool, and an
 * edited connector gets a fresh client while the old one is closed. A slow directory only
 * ever blocks its own pool.
 */
export function createDirectoryRegistry(deps: { readDb: Database.Database; sealer: Sealer; logger: Logger }) {
  const byId = deps.readDb.prepare('SELECT id, tenant_id, config, version FROM directory_connectors WHERE tenant_id = ? AND id = ?');
  const live = new Map<string, { version: number; directory: Directory }>();

  const build = (row: ConnectorRow): Directory => {
    const config = JSON.parse(row.config) as StoredConnectorConfig;
    if (config.type === 'BUILT_IN') {
      return createBuiltInDirectory({ readDb: deps.readDb, sealer: deps.sealer, tenantId: row.tenant_id, connectorId: row.id, name: config.name });
    }
    const bindPassword = deps.sealer.unseal(config.bindPassword, 'directory:bindPassword');
    return createLdapDirectory({ ...config, bindPassword }, { logger: { warn: (details, message) => deps.logger.warn(details, message) } });
  };

  return {
    /** The directory behind a connector; NOT_FOUND when the tenant has no such connector. */
    get(tenantId: string, connectorId: string): Directory {
      const row = byId.get(tenantId, connectorId) as ConnectorRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No directory connector with that id.');
      const key = `${tenantId}/${connectorId}`;
      const current = live.get(key);
      if (current && current.version === row.version) return current.directory;
      if (current) void current.directory.close();
      const directory = build(row);
      live.set(key, { version: row.version, directory });
      return directory;
    },
    async closeAll(): Promise<void> {
      await Promise.all([...live.values()].map((l) => l.directory.close()));
      live.clear();
    },
  };
}

export type DirectoryRegistry = ReturnType<typeof createDirectoryRegistry>;
