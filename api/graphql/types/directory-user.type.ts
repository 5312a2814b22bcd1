import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A user of a built-in directory.' })
export class DirectoryUser {
  @Field(() => ID) id!: string;
  @Field(() => ID) connectorId!: string;
  @Field(() => String) username!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { description: 'Base64 of 16 bytes, sent to Microsoft 365 as the NameID.' }) immutableId!: string;
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Boolean, { description: 'Whether the user has a password yet.' }) hasPassword!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class DirectoryUserPage {
  @Field(() => [DirectoryUser]) users!: DirectoryUser[];
  @Field(() => Int, { description: 'Users matching the search in all pages.' }) total!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean, { description: 'Whether another page follows.' }) hasNextPage!: boolean;
}

@InputType({ description: 'A built-in directory user to add.' })
export class NewDirectoryUserInput {
  @Field(() => String) username!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true, description: 'Base64 of 16 bytes; generated when left out.' }) immutableId?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) enabled?: boolean;
  @Field(() => String, { nullable: true, description: 'A first password (at least 10 characters).' }) password?: string;
}

@InputType({ description: 'Changes to a built-in directory user (the username cannot change).' })
export class DirectoryUserUpdateInput {
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) immutableId?: string;
  @Field(() => Boolean) enabled!: boolean;
}

@ObjectType({ description: 'How one CSV row fared.' })
export class ImportRowResult {
  @Field(() => Int, { description: 'Line in the file; the header is line 1.' }) line!: number;
  @Field(() => String) username!: string;
  @Field(() => Boolean) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'What to fix in this row.' }) error?: string | null;
}

@ObjectType({ description: 'The per-row report of a CSV import.' })
export class ImportReport {
  @Field(() => Int) imported!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [ImportRowResult]) rows!: ImportRowResult[];
}
