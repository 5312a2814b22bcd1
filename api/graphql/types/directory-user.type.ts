import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A user of a built-in directory.' })
export class DirectoryUser {
  @Field(() => ID, { description: "The user's id: <connector id>.<24 hex digits derived from the lower-cased username>, so it never changes." }) id!: string;
  @Field(() => ID, { description: 'The built-in directory connector the user belongs to.' }) connectorId!: string;
  @Field(() => String, { description: 'What the user types to sign in (matched case-insensitively); unique in its directory and fixed once added.' }) username!: string;
  @Field(() => String, { description: 'Where activation codes and password links are sent.' }) email!: string;
  @Field(() => String, { description: 'The name shown to the user and to admins.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Phone number as entered, e.g. +44 20 7946 0000; null when none.' }) phone!: string | null;
  @Field(() => String, { description: 'Base64 of 16 bytes, sent to Microsoft 365 as the NameID.' }) immutableId!: string;
  @Field(() => Boolean, { description: 'Whether the user may sign in; a disabled user is refused, and gets no password link.' }) enabled!: boolean;
  @Field(() => Boolean, { description: 'Whether the user has a password yet.' }) hasPassword!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the user was added (ISO-8601, UTC).' }) createdAt!: Date;
}

@ObjectType({ description: 'A page of built-in directory users, by username.' })
export class DirectoryUserPage {
  @Field(() => [DirectoryUser], { description: 'The users of this page, ordered by lower-cased username.' }) users!: DirectoryUser[];
  @Field(() => Int, { description: 'Users matching the search in all pages.' }) total!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean, { description: 'Whether another page follows.' }) hasNextPage!: boolean;
}

@InputType({ description: 'A built-in directory user to add.' })
export class NewDirectoryUserInput {
  @Field(() => String, { description: 'What the user types to sign in: 1 to 128 letters, digits, dots, hyphens, underscores or @; unique in the directory regardless of case.' })
  username!: string;
  @Field(() => String, { description: 'Email address, e.g. name@example.com; activation codes and password links go there.' }) email!: string;
  @Field(() => String, { description: 'The name people know the user by.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Phone number: digits, spaces, ()- and an optional leading +, e.g. +44 20 7946 0000.' }) phone?: string;
  @Field(() => String, { nullable: true, description: 'Base64 of 16 bytes; generated when left out.' }) immutableId?: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Whether the user may sign in.' }) enabled?: boolean;
  @Field(() => String, { nullable: true, description: 'A first password (at least 10 characters).' }) password?: string;
}

@InputType({ description: 'Changes to a built-in directory user (the username cannot change).' })
export class DirectoryUserUpdateInput {
  @Field(() => String, { description: 'Email address, e.g. name@example.com.' }) email!: string;
  @Field(() => String, { description: 'The name people know the user by.' }) displayName!: string;
  @Field(() => String, { nullable: true, description: 'Phone number, e.g. +44 20 7946 0000; left out or empty removes it.' }) phone?: string;
  @Field(() => String, { nullable: true, description: "Base64 of 16 bytes; left out or empty keeps the current one. Microsoft 365 finds the user by it, so change it only together with the user's onPremisesImmutableId in Entra ID." })
  immutableId?: string;
  @Field(() => Boolean, { description: 'Whether the user may sign in.' }) enabled!: boolean;
}

@ObjectType({ description: 'How one CSV row fared.' })
export class ImportRowResult {
  @Field(() => Int, { description: 'Line in the file; the header is line 1.' }) line!: number;
  @Field(() => String, { description: "The row's username column, empty when it has none." }) username!: string;
  @Field(() => Boolean, { description: 'Whether the user was added.' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: 'What to fix in this row.' }) error?: string | null;
}

@ObjectType({ description: 'The per-row report of a CSV import.' })
export class ImportReport {
  @Field(() => Int, { description: 'Rows added as users.' }) imported!: number;
  @Field(() => Int, { description: 'Rows (or file-level problems) not imported; see rows for why.' }) failed!: number;
  @Field(() => [ImportRowResult], { description: 'Every row in file order, imported or not; a file-level problem is one row with line 0 (unreadable CSV) or 1 (header).' })
  rows!: ImportRowResult[];
}
