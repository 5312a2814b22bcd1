import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A directory user as a connector maps them.' })
export class DirectoryUserProfile {
  @Field(() => String) dn!: string;
  @Field(() => String) username!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Sent to Microsoft 365 as IDPEmail.' }) upn?: string | null;
  @Field(() => String, { nullable: true, description: 'Base64 of the raw ImmutableID bytes.' }) immutableId?: string | null;
}
