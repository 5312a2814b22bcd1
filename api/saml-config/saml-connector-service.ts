import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import type { Config } from '../config/config';
import type { Sealed, Sealer } from '../crypto';
import {
  SAML_PRIVATE_KEY_CONTEXT,
  samlConnectorDecider,
  samlConnectorNameProblem,
  type FederationScriptKind,
  type SamlConnectorCommand,
  type SamlConnectorEvent,
  type StoredSigningKey,
} from '../domain/saml-connector';
import { AppError, isAppError, validationError, type FieldErrors } from '../errors';
import { generateSigningKeyPair, parseConnectorConfig, parseSpMetadata, type SamlConnectorConfig } from '../saml';
import { federationScriptDownload, type FederationScriptDownload } from './federation-script-download';
import { toSamlConnectorRecord, type SamlConnectorRecord, type SamlConnectorRow, type ServiceRow } from './saml-config-rows';
import { defaultIssuerUri } from './service-urls';

/**
 * Years a new signing certificate is valid. Entra ID never reads IdP metadata, so every
 * rollover is a script an admin has to run; a long validity makes a forgotten one rarer, and
 * the federation script warns 90 days ahead.
 */
export const SIGNING_KEY_VALIDITY_YEARS = 5;

/** Stands in for the signing key in a check, so checking never spends a key generation; never stored. */
const UNGENERATED_SIGNING_KEY: StoredSigningKey = {
  certificatePem: '',
  certificateBase64Der: '',
  privateKey: '' as Sealed,
  notAfter: '',
  fingerprintSha256: '',
};

/** What an admin submits: a name and the connector config in the shape `parseConnectorConfig` reads. */
export interface SamlConnectorInput {
  name: string;
  config: Record<string, unknown>;
  /** A generic SP's SAML metadata; when given it replaces `config.sp`. */
  spMetadataXml?: string | null;
}

/** Creating, editing and deleting SAML connectors, their signing keys, SP metadata and federation scripts. */
export function createSamlConnectorService(deps: {
  readDb: Database.Database;
  execute: CommandBus;
  sealer: Sealer;
  /** Read on every call: `publicUrl` may be set after start-up (tests do). */
  config: Pick<Config, 'publicUrl'>;
  now: () => Date;
}) {
  const stream = (ctx: CommandContext, id: string) => streamId('samlConnector', ctx.tenantId, id);
  const byId = deps.readDb.prepare('SELECT * FROM saml_connectors WHERE tenant_id = ? AND id = ?');
  const all = deps.readDb.prepare('SELECT * FROM saml_connectors WHERE tenant_id = ? ORDER BY name COLLATE NOCASE, created_at');
  // Across ALL tenants: Entra ID finds a federated domain by its Issuer.
  const issuerOwner = deps.readDb.prepare(
    "SELECT 1 FROM saml_connectors WHERE kind = 'OFFICE_365' AND issuer = ? COLLATE NOCASE AND NOT (tenant_id = ? AND id = ?) LIMIT 1",
  ).pluck();
  const servicesUsing = deps.readDb.prepare('SELECT * FROM services WHERE tenant_id = ? AND saml_connector_id = ? ORDER BY created_at');

  const execute = (ctx: CommandContext, id: string, command: SamlConnectorCommand) => deps.execute(samlConnectorDecider, stream(ctx, id), command, ctx);

  /**
   * Whether another Office 365 connector has this Issuer. Checked on the read model, so two
   * admins saving the same Issuer at the same moment could both pass: streams are per connector
   * and nothing locks across them. Issuers default to one containing the connector's own id,
   * which cannot clash, so that race needs two admins typing the same custom URI at once.
   */
  const issuerInUse = (config: SamlConnectorConfig, tenantId: string, connectorId: string) =>
    config.kind === 'OFFICE_365' && issuerOwner.get(config.issuerUri, tenantId, connectorId) !== undefined;

  /** Validates name and config together, so the admin sees every field problem at once. */
  const validate = (connectorId: string, input: SamlConnectorInput) => {
    const raw: Record<string, unknown> = { ...input.config };
    // An Issuer left empty gets one with the connector's id in it: unique, and stable for its life.
    if (raw.kind === 'OFFICE_365' && !String(raw.issuerUri ?? '').trim()) raw.issuerUri = defaultIssuerUri(deps.config.publicUrl, connectorId);
    if (raw.kind === 'GENERIC' && !String(raw.idpEntityId ?? '').trim()) raw.idpEntityId = defaultIssuerUri(deps.config.publicUrl, connectorId);
    let importedSp: ReturnType<typeof parseSpMetadata> | undefined;
    if (input.spMetadataXml?.trim()) {
      if (raw.kind !== 'GENERIC') throw new AppError('BAD_USER_INPUT', "Service provider metadata is for generic SAML connectors; Microsoft's service provider is built into Office 365 connectors.");
      importedSp = parseSpMetadata(input.spMetadataXml, deps.now());
      raw.sp = importedSp.sp;
    }
    const fields: FieldErrors = {};
    const nameProblem = samlConnectorNameProblem(input.name ?? '');
    if (nameProblem) fields.name = nameProblem;
    let config: SamlConnectorConfig | undefined;
    try {
      config = parseConnectorConfig(raw);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'VALIDATION_FAILED') throw error;
      Object.assign(fields, (error.details as { fields: FieldErrors }).fields);
    }
    if (!config || Object.keys(fields).length) throw validationError(fields);
    return { name: input.name.trim(), config, importedSp };
  };

  const newSigningKey = async (config: SamlConnectorConfig, name: string): Promise<StoredSigningKey> => {
    const commonName = `Countersign ${config.kind === 'OFFICE_365' ? config.federatedDomain : name}`.slice(0, 64);
    const { privateKeyPem, ...certificate } = await generateSigningKeyPair({ commonName, validityYears: SIGNING_KEY_VALIDITY_YEARS, now: deps.now() });
    return { ...certificate, privateKey: deps.sealer.seal(privateKeyPem, SAML_PRIVATE_KEY_CONTEXT) };
  };

  const createCommand = (
    connectorId: string,
    { name, config, importedSp }: ReturnType<typeof validate>,
    signingKey: StoredSigningKey,
    ctx: CommandContext,
    options: { template?: boolean },
  ): SamlConnectorCommand => ({
    type: 'CreateSamlConnector',
    connectorId,
    name,
    config,
    template: options.template,
    signingKey,
    issuerInUse: issuerInUse(config, ctx.tenantId, connectorId),
    ...(importedSp ? { importedSpEntityId: importedSp.sp.entityId } : {}),
  });
  const updateCommand = (id: string, input: SamlConnectorInput, ctx: CommandContext): SamlConnectorCommand => {
    const { name, config } = validate(id, { ...input, spMetadataXml: null });
    return { type: 'UpdateSamlConnector', name, config, issuerInUse: issuerInUse(config, ctx.tenantId, id) };
  };

  return {
    find(tenantId: string, id: string): SamlConnectorRecord {
      const row = byId.get(tenantId, id) as SamlConnectorRow | undefined;
      if (!row) throw new AppError('NOT_FOUND', 'No SAML connector with that id.');
      return toSamlConnectorRecord(row);
    },
    list(tenantId: string): SamlConnectorRecord[] {
      return (all.all(tenantId) as SamlConnectorRow[]).map(toSamlConnectorRecord);
    },
    /** Service instances that use a connector, oldest first. */
    servicesUsing(tenantId: string, connectorId: string): ServiceRow[] {
      return servicesUsing.all(tenantId, connectorId) as ServiceRow[];
    },
    /** Creates a connector with a fresh signing key; an Office 365 Issuer left empty becomes `<publicUrl>/saml/<id>`. */
    async create(input: SamlConnectorInput, ctx: CommandContext, options: { template?: boolean } = {}): Promise<string> {
      const connectorId = randomUUID();
      const settings = validate(connectorId, input);
      await execute(ctx, connectorId, createCommand(connectorId, settings, await newSigningKey(settings.config, settings.name), ctx, options));
      return connectorId;
    },
    /** Replaces name and config; the caller merges in what the admin left out. */
    async update(id: string, input: SamlConnectorInput, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      await execute(ctx, id, updateCommand(id, input, ctx));
    },
    /**
     * What {@link create} (no id) or {@link update} would answer for this input, without saving.
     * No key is generated: the dry run carries {@link UNGENERATED_SIGNING_KEY}, which no rule reads.
     */
    async check(id: string | null, input: SamlConnectorInput, ctx: CommandContext): Promise<SamlConnectorEvent[]> {
      if (id === null) {
        const connectorId = randomUUID();
        const command = createCommand(connectorId, validate(connectorId, input), UNGENERATED_SIGNING_KEY, ctx, {});
        return (await deps.execute.dryRun(samlConnectorDecider, stream(ctx, connectorId), command)).events;
      }
      this.find(ctx.tenantId, id);
      return (await deps.execute.dryRun(samlConnectorDecider, stream(ctx, id), updateCommand(id, input, ctx))).events;
    },
    /** Refused while a service instance uses the connector. */
    async remove(id: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      // A service configured with this connector between this read and the append would be left
      // pointing at nothing; starting it then fails with "the SAML connector was deleted".
      const usedByServices = this.servicesUsing(ctx.tenantId, id).map((s) => s.name);
      await execute(ctx, id, { type: 'DeleteSamlConnector', usedByServices });
    },
    /** Reads pasted SP metadata into a generic connector; returns what the admin should know about it. */
    async importSpMetadata(id: string, xml: string, ctx: CommandContext): Promise<string[]> {
      const connector = this.find(ctx.tenantId, id);
      if (connector.config.kind !== 'GENERIC') {
        throw new AppError('BAD_USER_INPUT', "An Office 365 connector trusts Microsoft's service provider, which is built in; import metadata into a generic SAML connector.");
      }
      const imported = parseSpMetadata(xml, deps.now());
      const config = parseConnectorConfig({ ...connector.config, sp: imported.sp });
      await execute(ctx, id, { type: 'ImportSpMetadata', config });
      return imported.warnings;
    },
    /** Generates the key to rotate to, replacing an unused next key. */
    async generateNextKey(id: string, ctx: CommandContext): Promise<void> {
      const connector = this.find(ctx.tenantId, id);
      await execute(ctx, id, { type: 'GenerateNextSigningKey', signingKey: await newSigningKey(connector.config, connector.name) });
    },
    async rotateKey(id: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      await execute(ctx, id, { type: 'RotateSigningKey' });
    },
    async removePreviousKey(id: string, ctx: CommandContext): Promise<void> {
      this.find(ctx.tenantId, id);
      await execute(ctx, id, { type: 'RemovePreviousSigningKey' });
    },
    /**
     * Builds a federation script for the service that uses this connector (`serviceId` chooses
     * one when several do) and records that it was generated.
     */
    async federationScript(id: string, kind: FederationScriptKind, ctx: CommandContext, serviceId?: string): Promise<FederationScriptDownload> {
      const connector = this.find(ctx.tenantId, id);
      const users = this.servicesUsing(ctx.tenantId, id);
      let service: ServiceRow | undefined = users[0];
      if (serviceId) {
        service = users.find((s) => s.id === serviceId);
        if (!service) throw new AppError('BAD_USER_INPUT', 'That service does not use this SAML connector.');
      } else if (users.length > 1 && kind !== 'REVERT_TO_MANAGED') {
        const names = users.map((s) => `"${s.name}"`).join(', ');
        throw new AppError('BAD_USER_INPUT', `Several services use this SAML connector (${names}); choose the one whose sign-in URL Entra ID should use.`);
      }
      const download = federationScriptDownload({ kind, connector, service, publicUrl: deps.config.publicUrl, now: deps.now() });
      await execute(ctx, id, { type: 'RecordFederationScript', kind });
      return download;
    },
  };
}

export type SamlConnectorService = ReturnType<typeof createSamlConnectorService>;
