import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A named set of colours and a logo. The default theme styles the sign-in, approval and password pages users see, and the header of their emails.' })
export class Theme {
  @Field(() => ID, { description: "The theme's id (a UUID)." }) id!: string;
  @Field(() => String, { description: 'A name admins recognise, unique in the organisation.' }) name!: string;
  @Field(() => String, { description: 'Buttons, the top edge of the page card and the email header: #rrggbb in lower case.' }) primaryColor!: string;
  @Field(() => String, { description: 'Links and secondary actions (where it reads on white): #rrggbb in lower case.' }) accentColor!: string;
  @Field(() => String, { nullable: true, description: 'Logo at the top of the pages and emails: an https:// URL or a data:image URL; null for none.' }) logoUrl!: string | null;
  @Field(() => Boolean, { description: 'Whether this is the theme the end-user pages and emails use.' }) isDefault!: boolean;
  @Field(() => GraphQLISODateTime, { description: 'When the theme was created (ISO-8601, UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the theme last changed (ISO-8601, UTC).' }) updatedAt!: Date;
}

@InputType({ description: 'The fields of a theme.' })
export class ThemeInput {
  @Field(() => String, { description: 'A name, at most 60 characters, unique in the organisation.' }) name!: string;
  @Field(() => String, { description: '#rrggbb: buttons and headers.' }) primaryColor!: string;
  @Field(() => String, { description: '#rrggbb: links and highlights.' }) accentColor!: string;
  @Field(() => String, { nullable: true, description: 'An https:// URL or a data:image URL of at most 48 KiB; empty for none.' }) logoUrl?: string | null;
}
