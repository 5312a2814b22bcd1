import { Arg, Authorized, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { AuditRow } from '../../../projections';
import { validationError } from '../../errors';
import { requirePermissions } from '../auth-checker';
import { tenantOf, type GraphQLContext } from '../context';
import { AuditEvent, AuditEventConnection } from '../types/audit-event.type';
import { liveAuditEvents } from './internal/live-audit-events';

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
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string,
  ): AuditEventConnection {
    if (first < 1 || first > 500) throw validationError({ first: 'ask for between 1 and 500 events per page' });
    const rows = ctx.services.auditQueries.page(tenantOf(ctx), first + 1, parseCursor(after, 'after'));
    const page = rows.slice(0, first);
    return {
      edges: page.map((row) => ({ cursor: String(row.position), node: toAuditEvent(row) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? String(page[page.length - 1]!.position) : null },
    };
  }

  @Authorized('audit:read')
  @Subscription(() => AuditEvent, {
    name: 'auditEvents',
    description:
      'Events of your organisation as they are recorded, oldest first. Pass the position of the last event you saw as `after` to resume with no gap and no duplicate.',
    subscribe: ({ args, context }) => {
      const ctx = context as GraphQLContext;
      requirePermissions(ctx.principal, ['audit:read']);
      return liveAuditEvents(ctx.services, tenantOf(ctx), parseCursor(args.after as string | undefined, 'after'));
    },
  })
  auditEvents_subscription(
    @Root() row: AuditRow,
    @Arg('after', () => String, { nullable: true, description: 'Resume after this position.' }) _after?: string,
  ): AuditEvent {
    return toAuditEvent(row);
  }
}
