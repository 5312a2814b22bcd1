import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A directory user as a connector maps them.' })
export class DirectoryUserProfile {
  @Field(() => String, { description: "The user's LDAP distinguished name; uid=<username>,countersign-built-in for a built-in directory." }) dn!: string;
  @Field(() => String, { description: "The login attribute's value as the directory stores it (its case, not what the user typed)." }) username!: string;
  @Field(() => String, { nullable: true, description: 'From the email attribute; where activation codes are sent. Null when the user has none.' }) email!: string | null;
  @Field(() => String, { description: 'From the display name attribute, else cn, else the username.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'From the phone attribute; null when the user has none or none is mapped.' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Sent to Microsoft 365 as IDPEmail.' }) upn?: string | null;
  @Field(() => String, { nullable: true, description: 'Base64 of the raw ImmutableID bytes.' }) immutableId?: string | null;
}
