import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import type { Sealer } from '../crypto';
import { directoryDecider, type ConnectorSettings, type DirectoryCommand, type DirectoryEvent, type StoredConnectorConfig } from '../domain/directory';
import { AppError } from '../errors';
import type { ConnectionTestOptions, ConnectionTestReport } from './connection-test-report';
import { parseDirectoryConnectorConfig } from './directory-connector-config';
import type { DirectoryRegistry } from './directory-registry';

/** Stands in for a password the client left out on update, only to get through validation. */
const KEEP_PASSWORD = '\u0000keep';

export interface ConnectorRow {
  tenant_id: string;
  id: string;
  name: string;
  type: string;
  config: string;
  version: number;
  template: number;
  created_at: string;
  updated_at: string;
  last_test: string | null;
  last_tested_at: string | null;
}

/** Creating, editing, deleting and testing directory connectors: validation, sealing, commands. */
export function createDirectoryConnectorService(deps: { readDb: Database.Database; execute: CommandBus; sealer: Sealer; registry: DirectoryRegistry }) {
  const stream = (ctx: CommandContext, id: string) => streamId('directory', ctx.tenantId, id);
  const byId = deps.readDb.prepare('SELECT * FROM directory_connectors WHERE tenant_id = ? AND id = ?');
  const usedBy = deps.readDb.prepare('SELECT name FROM services WHERE tenant_id = ? AND directory_connector_id = ?').pluck();

  const seal = (input: unknown, allowKeep: boolean): ConnectorSettings => {
    const raw = input as { bindPassword?: string | null; type?: string };
    const keep = allowKeep && raw.type !== 'BUILT_IN' && !raw.bindPassword;
    const config = parseDirectoryConnectorConfig(keep ? { ...raw, bindPassword: KEEP_PASSWORD } : input);
    if (config.type === 'BUILT_IN') return config;
    if (keep) {
      const { bindPassword: _, ...rest } = config;
      return rest;
    }
    return { ...config, bindPassword: deps.sealer.seal(config.bindPassword, 'directory:bindPassword') };
  };

  const createCommand = (connectorId: string, input: unknown, options: { template?: boolean }): DirectoryCommand =>
    ({ type: 'CreateConnector', connectorId, config: seal(input, false) as StoredConnectorConfig, template: options.template });
  const updateCommand = (input: unknown): DirectoryCommand => ({ type: 'UpdateConnector', config: seal(input, true) });

  return {
    find(tenantId: string, id: string): ConnectorRow {
      const row = byId.get(tenantId, id) as ConnectorRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No directory connector with that id.');
      return row;
    },
    async create(input: unknown, ctx: CommandContext, options: { template?: boolean } = {}): Promise<string> {
      const connectorId = randomUUID();
      await deps.execute(directoryDecider, stream(ctx, connectorId), createCommand(connectorId, input, options), ctx);
      return connectorId;
    },
    async update(id: string, input: unknown, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      await deps.execute(directoryDecider, stream(ctx, id), updateCommand(input), ctx);
    },
    /**
     * What {@link create} (no id) or {@link update} would answer for this input, without saving:
     * the same parsing and decider, never a connection to the directory. Throws the same errors.
     */
    async check(id: string | null, input: unknown, ctx: CommandContext): Promise<DirectoryEvent[]> {
      if (id === null) {
        const connectorId = randomUUID();
        return (await deps.execute.dryRun(directoryDecider, stream(ctx, connectorId), createCommand(connectorId, input, {}))).events;
      }
      this.find(ctx.tenantId, id);
      return (await deps.execute.dryRun(directoryDecider, stream(ctx, id), updateCommand(input))).events;
    },
    async remove(id: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      const users = usedBy.all(ctx.tenantId, id) as string[];
      if (users.length) throw new AppError('CONFLICT', `This directory signs users in for ${users.join(', ')}; choose another directory there first.`);
      await deps.execute(directoryDecider, stream(ctx, id), { type: 'DeleteConnector' }, ctx);
    },
    /** Runs the connection test and records its report (never the test password) as an event. */
    async test(id: string, options: ConnectionTestOptions, ctx: CommandContext): Promise<ConnectionTestReport> {
      this.find(ctx.tenantId, id);
      const report = await deps.registry.get(ctx.tenantId, id).test(options);
      await deps.execute(directoryDecider, stream(ctx, id), { type: 'RecordConnectionTest', report }, ctx);
      return report;
    },
  };
}

export type DirectoryConnectorService = ReturnType<typeof createDirectoryConnectorService>;
