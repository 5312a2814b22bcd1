import { Field, Float, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { DirectoryUserProfile } from './directory-user-profile.type';

@ObjectType({ description: "The directory's certificate as the TLS step saw it." })
export class CertificateSummary {
  @Field(() => String) subject!: string;
  @Field(() => String) issuer!: string;
  @Field(() => [String]) subjectAltNames!: string[];
  @Field(() => String) validFrom!: string;
  @Field(() => String) validTo!: string;
  @Field(() => String) fingerprintSha256!: string;
  @Field(() => Boolean) trusted!: boolean;
  @Field(() => String, { nullable: true }) trustProblem?: string | null;
}

@ObjectType({ description: 'One check of a connection test.' })
export class ConnectionTestStep {
  @Field(() => String, { description: 'DNS_RESOLUTION, TCP_CONNECT, TLS_HANDSHAKE, SERVICE_BIND, BASE_DN_READ, USER_SEARCH or SIGN_IN.' }) step!: string;
  @Field(() => String, { nullable: true }) host?: string | null;
  @Field(() => String, { description: 'ok, failed or skipped.' }) outcome!: string;
  @Field(() => Float) durationMs!: number;
  @Field(() => String, { description: 'What was checked and what came out, in a sentence.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'What to change when the step failed.' }) hint?: string | null;
  @Field(() => [String], { nullable: true }) addresses?: string[] | null;
  @Field(() => CertificateSummary, { nullable: true }) certificate?: CertificateSummary | null;
  @Field(() => [DirectoryUserProfile], { nullable: true }) sampleUsers?: DirectoryUserProfile[] | null;
  @Field(() => DirectoryUserProfile, { nullable: true }) profile?: DirectoryUserProfile | null;
  @Field(() => String, { nullable: true, description: 'Why the test sign-in failed (admin-facing reason code).' }) reason?: string | null;
}

@ObjectType({ description: 'The result of testing a directory connector, step by step.' })
export class ConnectionTestResult {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Float) durationMs!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) testedAt!: Date | null;
  @Field(() => [ConnectionTestStep]) steps!: ConnectionTestStep[];
}
