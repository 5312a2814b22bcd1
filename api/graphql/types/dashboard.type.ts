import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Sign-in outcomes recorded in one hour (UTC).' })
export class SignInHour {
  @Field(() => GraphQLISODateTime, { description: 'Start of the hour (ISO-8601, UTC); the bucket holds events from here to the next hour.' })
  hour!: Date;

  @Field(() => Int, { description: 'Sign-ins that ended in a SAML assertion (AssertionIssued).' })
  approved!: number;

  @Field(() => Int, { description: 'Push approvals the user denied (ChallengeDenied).' })
  denied!: number;

  @Field(() => Int, { description: 'Push approvals nobody answered in time (ChallengeExpired).' })
  expired!: number;

  @Field(() => Int, { description: 'Wrong passwords or unknown users at the first factor (PrimaryAuthFailed).' })
  failedFirstFactor!: number;
}

@ObjectType({ description: 'A user reported a push approval they had not asked for.' })
export class FraudReport {
  @Field(() => GraphQLISODateTime, { description: 'When the report was recorded (ISO-8601, UTC).' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Whose sign-in was reported (login name), when known.' })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'The service instance the sign-in was for, when known.' })
  serviceId!: string | null;

  @Field(() => String, { nullable: true, description: 'The name of that service as the user saw it on the phone.' })
  serviceName!: string | null;

  @Field(() => String, { nullable: true, description: 'The address the reported sign-in came from, when known.' })
  clientIp!: string | null;

  @Field(() => String, { description: 'Shared by every event of the reported sign-in; pass it to auditTimeline.' })
  correlationId!: string;
}

@ObjectType({ description: "Figures for the dashboard's overview, computed from the read models when asked." })
export class DashboardStats {
  @Field(() => Int, { description: 'How many hours signInsByHour covers.' })
  hours!: number;

  @Field(() => [SignInHour], { description: 'One bucket per hour, oldest first, ending with the current hour; hours without sign-ins read 0.' })
  signInsByHour!: SignInHour[];

  @Field(() => Int, { description: 'Users with at least one active device.' })
  enrolledUsers!: number;

  @Field(() => Int, { description: 'Devices that can approve sign-ins (not revoked).' })
  activeDevices!: number;

  @Field(() => Int, { description: 'Service instances that are STARTED.' })
  servicesRunning!: number;

  @Field(() => Int, { description: 'All service instances, started or stopped.' })
  servicesTotal!: number;

  @Field(() => [FraudReport], { description: 'The latest fraud reports, newest first (at most 5).' })
  recentFraudReports!: FraudReport[];
}
