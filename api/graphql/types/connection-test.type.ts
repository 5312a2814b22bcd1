import { Field, Float, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { DirectoryUserProfile } from './directory-user-profile.type';

@ObjectType({ description: "The directory's certificate as the TLS step saw it." })
export class CertificateSummary {
  @Field(() => String, { description: 'Subject distinguished name as comma-separated key=value pairs, e.g. CN=dc1.example.com.' }) subject!: string;
  @Field(() => String, { description: "Issuer distinguished name, in the subject's format: the CA that signed the certificate." }) issuer!: string;
  @Field(() => [String], { description: 'Subject alternative names the certificate is valid for, e.g. DNS:dc1.example.com or IP:10.0.0.5.' })
  subjectAltNames!: string[];
  @Field(() => String, { description: 'Start of validity (ISO-8601, UTC).' }) validFrom!: string;
  @Field(() => String, { description: 'End of validity (ISO-8601, UTC).' }) validTo!: string;
  @Field(() => String, { description: 'SHA-256 fingerprint as colon-separated uppercase hex, to compare with the directory server.' }) fingerprintSha256!: string;
  @Field(() => Boolean, { description: 'Whether the chain and host name checked out against the CA certificate of the connector, or the public CAs when none is set.' })
  trusted!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the certificate is not trusted (e.g. self-signed, expired); null when trusted.' }) trustProblem?: string | null;
}

@ObjectType({ description: 'One check of a connection test.' })
export class ConnectionTestStep {
  @Field(() => String, { description: 'DNS_RESOLUTION, TCP_CONNECT, TLS_HANDSHAKE, SERVICE_BIND, BASE_DN_READ, USER_SEARCH or SIGN_IN.' }) step!: string;
  @Field(() => String, { nullable: true, description: 'host:port checked, for the steps run once per host (DNS, TCP, TLS); null for the others.' }) host?: string | null;
  @Field(() => String, { description: 'ok, failed or skipped.' }) outcome!: string;
  @Field(() => Float, { description: 'How long the step took, in whole milliseconds; 0 when skipped.' }) durationMs!: number;
  @Field(() => String, { description: 'What was checked and what came out, in a sentence.' }) message!: string;
  @Field(() => String, { nullable: true, description: 'What to change when the step failed.' }) hint?: string | null;
  @Field(() => [String], { nullable: true, description: 'DNS_RESOLUTION: the IP addresses the host name resolved to; TCP_CONNECT uses the first.' }) addresses?: string[] | null;
  @Field(() => CertificateSummary, { nullable: true, description: "TLS_HANDSHAKE: the directory's certificate." }) certificate?: CertificateSummary | null;
  @Field(() => [DirectoryUserProfile], { nullable: true, description: 'USER_SEARCH: a few users as the connector maps them, to check the attribute mapping.' })
  sampleUsers?: DirectoryUserProfile[] | null;
  @Field(() => DirectoryUserProfile, { nullable: true, description: 'USER_SEARCH and SIGN_IN with a test user: that user as the connector maps them, i.e. the profile a sign-in would use.' })
  profile?: DirectoryUserProfile | null;
  @Field(() => String, { nullable: true, description: 'Why the test sign-in failed (admin-facing reason code).' }) reason?: string | null;
}

@ObjectType({ description: 'The result of testing a directory connector, step by step.' })
export class ConnectionTestResult {
  @Field(() => Boolean, { description: 'True when no step failed (skipped steps do not count as failures).' }) ok!: boolean;
  @Field(() => Float, { description: 'How long the whole test took, in whole milliseconds.' }) durationMs!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the test ran (ISO-8601, UTC); null if the time was not recorded.' }) testedAt!: Date | null;
  @Field(() => [ConnectionTestStep], { description: 'The checks in the order they ran: DNS, TCP and TLS for each host, then service bind, base DN read, user search and sign-in on the first host reached.' })
  steps!: ConnectionTestStep[];
}
