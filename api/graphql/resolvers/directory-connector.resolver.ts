import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { ConnectionTestReport } from '../../directory/connection-test-report';
import type { ConnectorRow } from '../../directory/directory-connector-service';
import { defaultsForType } from '../../directory/directory-type-defaults';
import type { StoredConnectorConfig } from '../../domain/directory';
import { AppError } from '../../errors';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { ConnectionTestResult } from '../types/connection-test.type';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';
import {
  DirectoryConnector,
  DirectoryConnectorInput,
  DirectorySecurityEnum,
  DirectoryTypeDefaults,
  DirectoryTypeEnum,
} from '../types/directory-connector.type';

export function toConnectionTestResult(report: ConnectionTestReport, testedAt: Date | null): ConnectionTestResult {
  return { ok: report.ok, durationMs: report.durationMs, testedAt, steps: report.steps };
}

function toConnector(row: ConnectorRow, userCount: number | null): DirectoryConnector {
  const config = JSON.parse(row.config) as StoredConnectorConfig;
  const ldap = config.type === 'BUILT_IN' ? undefined : config;
  return {
    id: row.id,
    name: row.name,
    type: row.type as DirectoryTypeEnum,
    hosts: ldap?.hosts ?? [],
    port: ldap?.port ?? null,
    security: (ldap?.security as DirectorySecurityEnum | undefined) ?? null,
    caCertificatePem: ldap?.caCertificatePem ?? null,
    verifyCertificate: ldap?.verifyCertificate ?? true,
    baseDn: ldap?.baseDn ?? null,
    bindDn: ldap?.bindDn ?? null,
    hasBindPassword: Boolean(ldap?.bindPassword),
    userObjectClass: ldap?.userObjectClass ?? null,
    loginProperty: ldap?.loginProperty ?? null,
    emailProperty: ldap?.emailProperty ?? null,
    displayNameProperty: ldap?.displayNameProperty ?? null,
    phoneProperty: ldap?.phoneProperty ?? null,
    upnProperty: ldap?.upnProperty ?? null,
    immutableIdProperty: ldap?.immutableIdProperty ?? null,
    userFilter: ldap?.userFilter ?? null,
    connectTimeoutMs: ldap?.connectTimeoutMs ?? null,
    operationTimeoutMs: ldap?.operationTimeoutMs ?? null,
    template: row.template === 1,
    userCount,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    lastTest: row.last_test ? toConnectionTestResult(JSON.parse(row.last_test), row.last_tested_at ? new Date(row.last_tested_at) : null) : null,
  };
}

@Resolver()
export class DirectoryConnectorResolver {
  @Authorized('config:read')
  @Query(() => [DirectoryConnector], { description: 'Directory connectors of your organisation, by name.' })
  directoryConnectors(@Ctx() ctx: GraphQLContext): DirectoryConnector[] {
    const db = ctx.services.readDb;
    const rows = db.prepare('SELECT * FROM directory_connectors WHERE tenant_id = ? ORDER BY name COLLATE NOCASE').all(tenantOf(ctx)) as ConnectorRow[];
    const counts = new Map(
      (db.prepare('SELECT connector_id, COUNT(*) AS n FROM directory_users WHERE tenant_id = ? GROUP BY connector_id').all(tenantOf(ctx)) as Array<{ connector_id: string; n: number }>).map((r) => [r.connector_id, r.n]),
    );
    return rows.map((row) => toConnector(row, row.type === 'BUILT_IN' ? (counts.get(row.id) ?? 0) : null));
  }

  @Authorized('config:read')
  @Query(() => DirectoryConnector, { description: 'One directory connector.' })
  directoryConnector(@Arg('id', () => ID, { description: 'The connector id, from directoryConnectors.' }) id: string, @Ctx() ctx: GraphQLContext): DirectoryConnector {
    const row = ctx.services.directoryConnectors.find(tenantOf(ctx), id);
    const count = row.type === 'BUILT_IN'
      ? (ctx.services.readDb.prepare('SELECT COUNT(*) FROM directory_users WHERE tenant_id = ? AND connector_id = ?').pluck().get(tenantOf(ctx), id) as number)
      : null;
    return toConnector(row, count);
  }

  @Authorized('config:read')
  @Query(() => DirectoryTypeDefaults, { nullable: true, description: 'What a new connector of this type starts with (null for BUILT_IN).' })
  directoryTypeDefaults(@Arg('type', () => DirectoryTypeEnum, { description: 'The directory type to show the defaults of.' }) type: DirectoryTypeEnum): DirectoryTypeDefaults | null {
    if (type === DirectoryTypeEnum.BUILT_IN) return null;
    const d = defaultsForType(type);
    return { ...d, security: d.security as DirectorySecurityEnum, port: d.security === 'LDAPS' ? 636 : 389 };
  }

  @Authorized('config:write')
  @Query(() => InputCheck, {
    description: 'What createDirectoryConnector (no id) or updateDirectoryConnector (with id) would answer for this input, without saving or contacting the directory.',
  })
  checkDirectoryConnectorInput(
    @Arg('input', () => DirectoryConnectorInput, { description: 'The settings as the form holds them now.' }) input: DirectoryConnectorInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { nullable: true, description: 'The connector being edited; left out for a new connector.' }) id?: string | null,
  ): Promise<InputCheck> {
    return inputCheckOf(() => ctx.services.directoryConnectors.check(id ?? null, stripNulls(input), commandContextOf(ctx)));
  }

  @Authorized('config:write')
  @Mutation(() => DirectoryConnector, { description: 'Creates a directory connector; fields left out take the defaults of its type.' })
  async createDirectoryConnector(@Arg('input', () => DirectoryConnectorInput, { description: 'The settings of the new connector.' }) input: DirectoryConnectorInput, @Ctx() ctx: GraphQLContext): Promise<DirectoryConnector> {
    const id = await ctx.services.directoryConnectors.create(stripNulls(input), commandContextOf(ctx));
    return this.directoryConnector(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => DirectoryConnector, { description: 'Replaces a connector\'s settings; leave bindPassword out to keep the stored one.' })
  async updateDirectoryConnector(
    @Arg('id', () => ID, { description: 'The connector id, from directoryConnectors.' }) id: string,
    @Arg('input', () => DirectoryConnectorInput, { description: 'The complete new settings: fields left out take the defaults of the type, except bindPassword, which is kept.' }) input: DirectoryConnectorInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DirectoryConnector> {
    await ctx.services.directoryConnectors.update(id, stripNulls(input), commandContextOf(ctx));
    return this.directoryConnector(id, ctx);
  }

  @Authorized('config:write')
  @Mutation(() => Boolean, { description: 'Deletes a directory connector (and, for a built-in one, its users).' })
  async deleteDirectoryConnector(@Arg('id', () => ID, { description: 'The connector id; refused while a service uses the connector.' }) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.services.directoryConnectors.remove(id, commandContextOf(ctx));
    return true;
  }

  @Authorized('config:write')
  @Mutation(() => ConnectionTestResult, {
    description: 'Tests a connector step by step (DNS, TCP, TLS, service bind, base DN, user search, and a sign-in when given a username and password). The result is recorded; the password never is.',
  })
  async testDirectoryConnector(
    @Arg('id', () => ID, { description: 'The connector id, from directoryConnectors.' }) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('username', () => String, { nullable: true, description: 'A user to search for; left out, the test shows a few sample users instead.' }) username?: string,
    @Arg('password', () => String, { nullable: true, description: "The test user's password, to also run the sign-in step; needs username. Never recorded." }) password?: string,
  ): Promise<ConnectionTestResult> {
    if (password && !username) throw new AppError('BAD_USER_INPUT', 'Give the username that goes with the test password.');
    const report = await ctx.services.directoryConnectors.test(id, { username: username ?? undefined, password: password ?? undefined }, commandContextOf(ctx));
    return toConnectionTestResult(report, ctx.services.now());
  }
}

/** GraphQL sends null for fields the client set to null; the config schema wants them left out. */
function stripNulls<T extends object>(input: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined));
}
