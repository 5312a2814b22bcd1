import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Who caused an event.' })
export class Actor {
  @Field(() => String, { description: 'admin, user, device, integrator or system.' })
  kind!: string;

  @Field(() => String, {
    description:
      "Depends on kind: the admin's id; for a user, usually the username (anonymous before it is known); the device id; the API key id; or the part of Countersign that acted, e.g. mail-worker.",
  })
  id!: string;
}

@ObjectType({ description: 'One recorded event as the audit history shows it; secrets read "[sealed]" or "[redacted]".' })
export class AuditEvent {
  @Field(() => ID, { description: 'The event id (a UUID), unique across all organisations.' })
  id!: string;

  @Field(() => String, { description: 'Global position in the event store; also the cursor for resuming.' })
  position!: string;

  @Field(() => String, { description: 'The stream the event was appended to: <category>-<tenant id>-<aggregate id>, e.g. service-default-<service id>.' })
  streamId!: string;

  @Field(() => String, { description: 'The event type in PascalCase, e.g. AssertionIssued or DirectoryConnectorUpdated.' })
  type!: string;

  @Field(() => String, { description: 'The aggregate the event belongs to (tenant, directory, authentication, ...).' })
  category!: string;

  @Field(() => Actor, { description: 'Who or what caused the event.' })
  actor!: Actor;

  @Field(() => GraphQLISODateTime, { description: 'When the event was recorded (ISO-8601, UTC).' })
  occurredAt!: Date;

  @Field(() => String, { description: 'One plain sentence describing the event.' })
  summary!: string;

  @Field(() => GraphQLJSONObject, { description: 'The event data, secrets redacted.' })
  data!: Record<string, unknown>;

  @Field(() => String, { description: 'Shared by all events of one sign-in, enrollment or request.' })
  correlationId!: string;

  @Field(() => String, { nullable: true, description: "The client's IP address (IPv4 or IPv6) for events caused by a request; null for workers and timers." })
  ip?: string | null;

  @Field(() => String, { nullable: true, description: "The client's User-Agent header for events caused by a request; null otherwise." })
  userAgent?: string | null;

  @Field(() => String, { nullable: true, description: 'The user the event is about, when there is one.' })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'The service instance the event is about, when there is one.' })
  serviceId?: string | null;

  @Field(() => String, { nullable: true, description: 'success or failure, for events that end something.' })
  outcome?: string | null;
}

@ObjectType({ description: 'One audit event in a page, with its cursor.' })
export class AuditEventEdge {
  @Field(() => String, { description: "The event's position; pass it as `after` to continue after this event." })
  cursor!: string;

  @Field(() => AuditEvent, { description: 'The event.' })
  node!: AuditEvent;
}

@ObjectType({ description: 'Where a page of results ends and whether more follow.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when older events follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last event on the page, to pass as `after` for the next page; null for an empty page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'A page of audit events, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'The events of this page, newest first.' })
  edges!: AuditEventEdge[];

  @Field(() => PageInfo, { description: 'How to fetch the next (older) page.' })
  pageInfo!: PageInfo;
}
