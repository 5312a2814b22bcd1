import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Who caused an event.' })
export class Actor {
  @Field(() => String, { description: 'admin, user, device, integrator or system.' })
  kind!: string;

  @Field(() => String)
  id!: string;
}

@ObjectType({ description: 'One recorded event as the audit history shows it; secrets read "[sealed]" or "[redacted]".' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Global position in the event store; also the cursor for resuming.' })
  position!: string;

  @Field(() => String)
  streamId!: string;

  @Field(() => String)
  type!: string;

  @Field(() => String, { description: 'The aggregate the event belongs to (tenant, directory, authentication, ...).' })
  category!: string;

  @Field(() => Actor)
  actor!: Actor;

  @Field(() => GraphQLISODateTime)
  occurredAt!: Date;

  @Field(() => String, { description: 'One plain sentence describing the event.' })
  summary!: string;

  @Field(() => GraphQLJSONObject, { description: 'The event data, secrets redacted.' })
  data!: Record<string, unknown>;

  @Field(() => String, { description: 'Shared by all events of one sign-in, enrollment or request.' })
  correlationId!: string;

  @Field(() => String, { nullable: true })
  ip?: string | null;

  @Field(() => String, { nullable: true })
  userAgent?: string | null;

  @Field(() => String, { nullable: true, description: 'The user the event is about, when there is one.' })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'The service instance the event is about, when there is one.' })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: 'success or failure, for events that end something.' })
  outcome?: string | null;
}

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AuditEvent)
  node!: AuditEvent;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of audit events, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges!: AuditEventEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
