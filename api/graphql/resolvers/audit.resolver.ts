import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { streamId } from '../../commands';
import { tenantDecider, type TenantCommand } from '../../domain/tenant';
import type { AuditFilter as QueryFilter, AuditRow } from '../../../projections';
import { AuditFilter } from '../types/audit-filter.type';
import { validationError } from '../../errors';
import { requirePermissions } from '../auth-checker';
import { commandContextOf, tenantOf, type GraphQLContext } from '../context';
import { AuditEvent, AuditEventConnection } from '../types/audit-event.type';
import { liveAuditEvents } from './internal/live-audit-events';
import { InputCheck } from '../types/input-check.type';
import { inputCheckOf } from './internal/input-check-of';

/** The one command both setAuditRetention and its check decide. */
const setRetention = (days: number | null | undefined): TenantCommand => ({ type: 'SetAuditRetention', days: days ?? null });

export function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.event_id,
    position: String(row.position),
    streamId: row.stream_id,
    type: row.type,
    category: row.category,
    actor: { kind: row.actor_kind, id: row.actor_id },
    occurredAt: new Date(row.occurred_at),
    summary: row.summary,
    data: JSON.parse(row.data),
    correlationId: row.correlation_id,
    ip: row.ip,
    userAgent: row.user_agent,
    username: row.username,
    serviceId: row.service_id,
    outcome: row.outcome,
  };
}

export function parseCursor(cursor: string | undefined | null, field: string): bigint | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  if (!/^\d{1,19}$/.test(cursor)) throw validationError({ [field]: 'use the cursor or position value a previous page returned' });
  return BigInt(cursor);
}

@Resolver()
export class AuditResolver {
  @Authorized('audit:read')
  @Query(() => AuditEventConnection, { description: 'Recorded events of your organisation, newest first.' })
  auditEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many events per page, 1 to 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Only events that match; left out, all events.' }) filter?: AuditFilter,
  ): AuditEventConnection {
    if (first < 1 || first > 500) throw validationError({ first: 'ask for between 1 and 500 events per page' });
    const rows = ctx.services.auditQueries.page(tenantOf(ctx), first + 1, { before: parseCursor(after, 'after'), filter: toFilter(filter), now: ctx.services.now() });
    const page = rows.slice(0, first);
    return {
      edges: page.map((row) => ({ cursor: String(row.position), node: toAuditEvent(row) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? String(page[page.length - 1]!.position) : null },
    };
  }

  @Authorized('audit:read')
  @Query(() => Int, {
    nullable: true,
    description: 'Days of audit history shown and exported (null: all). The event store itself keeps every event; this setting only limits the audit read model.',
  })
  auditRetentionDays(@Ctx() ctx: GraphQLContext): number | null {
    return (ctx.services.readDb.prepare('SELECT audit_retention_days FROM tenants WHERE id = ?').pluck().get(tenantOf(ctx)) as number | null) ?? null;
  }

  @Authorized('config:write')
  @Mutation(() => Int, {
    nullable: true,
    description:
      'Hides audit events older than `days` from queries and exports and drops them from the read models (null keeps everything). The event store keeps its own retention policy: events are not deleted from it.',
  })
  async setAuditRetention(@Arg('days', () => Int, { nullable: true, description: 'Days of history to keep showing, 1 to 3650; null keeps everything.' }) days: number | null, @Ctx() ctx: GraphQLContext): Promise<number | null> {
    const tenantId = tenantOf(ctx);
    await ctx.services.execute(tenantDecider, streamId('tenant', tenantId, tenantId), setRetention(days), commandContextOf(ctx));
    return this.auditRetentionDays(ctx);
  }

  @Authorized('config:write')
  @Query(() => InputCheck, { description: 'What setAuditRetention would answer for this number of days, without saving.' })
  async checkAuditRetentionInput(
    @Arg('days', () => Int, { nullable: true, description: 'Days of history as the form holds it now; null keeps everything.' }) days: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<InputCheck> {
    const tenantId = tenantOf(ctx);
    return inputCheckOf(() => ctx.services.execute.dryRun(tenantDecider, streamId('tenant', tenantId, tenantId), setRetention(days)));
  }

  @Authorized('audit:read')
  @Query(() => [AuditEvent], { description: 'Every event of one sign-in, enrollment or request, oldest first: its timeline.' })
  auditTimeline(@Arg('correlationId', () => String, { description: 'The correlationId of any event of the sign-in, enrollment or request.' }) correlationId: string, @Ctx() ctx: GraphQLContext): AuditEvent[] {
    return ctx.services.auditQueries.page(tenantOf(ctx), 500, { filter: { correlationId }, now: ctx.services.now() }).reverse().map(toAuditEvent);
  }

  @Authorized('audit:read')
  @Subscription(() => AuditEvent, {
    name: 'auditEvents',
    description:
      'Events of your organisation as they are recorded, oldest first. Pass the position of the last event you saw as `after` to resume with no gap and no duplicate.',
    subscribe: ({ args, context }) => subscribe(context as GraphQLContext, args),
  })
  auditEvents_subscription(
    @Root() row: AuditRow,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this position.' }) _after?: string,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Only events that match; left out, all events.' }) _filter?: AuditFilter,
  ): AuditEvent {
    return toAuditEvent(row);
  }

  @Authorized('audit:read')
  @Subscription(() => AuditEvent, {
    name: 'authenticationEvents',
    description: 'Sign-in events only (category authentication), as they are recorded; resumable with `after` like auditEvents.',
    subscribe: ({ args, context }) => subscribe(context as GraphQLContext, { ...args, filter: { ...(args.filter ?? {}), categories: ['authentication'] } }),
  })
  authenticationEvents_subscription(
    @Root() row: AuditRow,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this position.' }) _after?: string,
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Only events that match; left out, all events.' }) _filter?: AuditFilter,
  ): AuditEvent {
    return toAuditEvent(row);
  }
}

function subscribe(ctx: GraphQLContext, args: Record<string, unknown>) {
  requirePermissions(ctx.principal, ['audit:read']);
  return liveAuditEvents(ctx.services, tenantOf(ctx), parseCursor(args.after as string | undefined, 'after'), toFilter(args.filter as AuditFilter | undefined));
}

/** The GraphQL filter as the read model takes it. */
export function toFilter(filter: AuditFilter | undefined | null): QueryFilter {
  if (!filter) return {};
  const { outcome, ...rest } = filter;
  return Object.fromEntries(Object.entries({ ...rest, outcome: outcome as QueryFilter['outcome'] }).filter(([, v]) => v !== undefined && v !== null)) as QueryFilter;
}
