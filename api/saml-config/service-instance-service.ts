import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import { serviceDecider, startProblems, type ConnectorFacts, type SecondFactorPolicy, type ServiceCommand, type ServiceEvent, type ServiceSettingsInput } from '../domain/service';
import { AppError } from '../errors';
import type { ServiceRow } from './saml-config-rows';

/**
 * What an admin submits. On update, a field left out (or null) keeps its value; an empty
 * description or icon clears it. `secondFactor` only changes when given.
 */
export interface ServiceInstanceInput {
  name?: string | null;
  description?: string | null;
  icon?: string | null;
  directoryConnectorId?: string | null;
  samlConnectorId?: string | null;
  secondFactor?: SecondFactorPolicy | null;
}

/** Configuring, starting, stopping and deleting service instances. */
export function createServiceInstanceService(deps: { readDb: Database.Database; execute: CommandBus }) {
  const stream = (ctx: CommandContext, id: string) => streamId('service', ctx.tenantId, id);
  const byId = deps.readDb.prepare('SELECT * FROM services WHERE tenant_id = ? AND id = ?');
  const all = deps.readDb.prepare('SELECT * FROM services WHERE tenant_id = ? ORDER BY name COLLATE NOCASE, created_at');
  const directoryExists = deps.readDb.prepare('SELECT 1 FROM directory_connectors WHERE tenant_id = ? AND id = ?').pluck();
  const samlExists = deps.readDb.prepare('SELECT 1 FROM saml_connectors WHERE tenant_id = ? AND id = ?').pluck();

  /**
   * Read-model facts about the connectors a command names. A connector deleted between this
   * read and the append is not noticed here; the SSO endpoint refuses a service whose
   * connector is gone, and starting it again names the missing connector.
   */
  const factsOf = (tenantId: string, ids: { directoryConnectorId: string | null; samlConnectorId: string | null }): ConnectorFacts => ({
    directoryConnectorExists: Boolean(ids.directoryConnectorId && directoryExists.get(tenantId, ids.directoryConnectorId)),
    samlConnectorExists: Boolean(ids.samlConnectorId && samlExists.get(tenantId, ids.samlConnectorId)),
  });

  const execute = (ctx: CommandContext, id: string, command: ServiceCommand) => deps.execute(serviceDecider, stream(ctx, id), command, ctx);

  const createCommand = (serviceId: string, input: ServiceInstanceInput, ctx: CommandContext): ServiceCommand => {
    const settings: ServiceSettingsInput = {
      name: input.name ?? '',
      description: input.description ?? null,
      icon: input.icon ?? null,
      directoryConnectorId: input.directoryConnectorId ?? null,
      samlConnectorId: input.samlConnectorId ?? null,
      ...(input.secondFactor ? { secondFactor: input.secondFactor } : {}),
    };
    return { type: 'CreateService', serviceId, settings, facts: factsOf(ctx.tenantId, settings) };
  };
  const updateCommand = (row: ServiceRow, input: ServiceInstanceInput, ctx: CommandContext): ServiceCommand => {
    const settings: ServiceSettingsInput = {
      name: input.name ?? row.name,
      description: input.description ?? row.description,
      icon: input.icon ?? row.icon,
      directoryConnectorId: input.directoryConnectorId ?? row.directory_connector_id,
      samlConnectorId: input.samlConnectorId ?? row.saml_connector_id,
      ...(input.secondFactor ? { secondFactor: input.secondFactor } : {}),
    };
    return { type: 'UpdateService', settings, facts: factsOf(ctx.tenantId, settings) };
  };

  return {
    find(tenantId: string, id: string): ServiceRow {
      const row = byId.get(tenantId, id) as ServiceRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No service with that id.');
      return row;
    },
    list(tenantId: string): ServiceRow[] {
      return all.all(tenantId) as ServiceRow[];
    },
    /** Field by field, what keeps a service from starting; empty when it can start. */
    startBlockers(row: ServiceRow): Record<string, string> {
      const ids = { directoryConnectorId: row.directory_connector_id, samlConnectorId: row.saml_connector_id };
      return startProblems(ids, factsOf(row.tenant_id, ids));
    },
    /** Creates a stopped service; the second factor is REQUIRED unless `secondFactor: 'OFF'` is given. */
    async create(input: ServiceInstanceInput, ctx: CommandContext): Promise<string> {
      const serviceId = randomUUID();
      await execute(ctx, serviceId, createCommand(serviceId, input, ctx));
      return serviceId;
    },
    async update(id: string, input: ServiceInstanceInput, ctx: CommandContext): Promise<void> {
      await execute(ctx, id, updateCommand(this.find(ctx.tenantId, id), input, ctx));
    },
    /** What {@link create} (no id) or {@link update} would answer for this input, without saving; throws the same errors. */
    async check(id: string | null, input: ServiceInstanceInput, ctx: CommandContext): Promise<ServiceEvent[]> {
      if (id === null) {
        const serviceId = randomUUID();
        return (await deps.execute.dryRun(serviceDecider, stream(ctx, serviceId), createCommand(serviceId, input, ctx))).events;
      }
      return (await deps.execute.dryRun(serviceDecider, stream(ctx, id), updateCommand(this.find(ctx.tenantId, id), input, ctx))).events;
    },
    /** Refused while the service runs. */
    async remove(id: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      await execute(ctx, id, { type: 'DeleteService' });
    },
    /** Refused until both connectors are chosen and exist. */
    async start(id: string, ctx: CommandContext): Promise<void> {
      const row = this.find(ctx.tenantId, id);
      const facts = factsOf(ctx.tenantId, { directoryConnectorId: row.directory_connector_id, samlConnectorId: row.saml_connector_id });
      await execute(ctx, id, { type: 'StartService', facts });
    },
    async stop(id: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      await execute(ctx, id, { type: 'StopService' });
    },
  };
}

export type ServiceInstanceService = ReturnType<typeof createServiceInstanceService>;
