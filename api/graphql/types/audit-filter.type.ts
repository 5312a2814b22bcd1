import { Field, GraphQLISODateTime, InputType, registerEnumType } from 'type-graphql';

export enum AuditOutcome {
  SUCCESS = 'success',
  FAILURE = 'failure',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'Whether an event records something that worked (a sign-in, a sent email) or failed.',
  valuesConfig: {
    SUCCESS: { description: 'AssertionIssued, PrimaryAuthSucceeded, AdminSignedIn, TokenPackEmailSent, and a DirectoryConnectionTested that passed.' },
    FAILURE: {
      description: 'AuthenticationFailed, AuthnRequestRejected, PrimaryAuthFailed, AdminSignInFailed, TokenPackEmailFailed, and a DirectoryConnectionTested that failed.',
    },
  },
});

@InputType({ description: 'Narrows the audit history; every field is optional and they combine with AND.' })
export class AuditFilter {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only events at or after this time.' }) from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Only events before this time.' }) to?: Date;
  @Field(() => [String], { nullable: true, description: 'Event types, e.g. AssertionIssued, PrimaryAuthFailed.' }) types?: string[];
  @Field(() => [String], { nullable: true, description: 'Categories (aggregates): tenant, directory, samlConnector, service, tokenPack, authentication, ...' }) categories?: string[];
  @Field(() => String, { nullable: true, description: 'admin, user, device, integrator or system.' }) actorKind?: string;
  @Field(() => String, { nullable: true, description: 'Exact actor id (see Actor.id), e.g. an admin id or an API key id.' }) actorId?: string;
  @Field(() => String, { nullable: true, description: 'The user the event is about (username or email, case-insensitive).' }) username?: string;
  @Field(() => String, { nullable: true, description: 'The service instance the event is about.' }) serviceId?: string;
  @Field(() => AuditOutcome, { nullable: true, description: 'Only events with this outcome; events that record no outcome are left out.' }) outcome?: AuditOutcome;
  @Field(() => String, { nullable: true, description: 'Client IP address.' }) ip?: string;
  @Field(() => String, { nullable: true, description: 'All events of one sign-in, enrollment or request.' }) correlationId?: string;
}
