import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ApiScope {
  AUDIT_READ = 'audit:read',
  CONFIG_READ = 'config:read',
  CONFIG_WRITE = 'config:write',
  USERS_WRITE = 'users:write',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API key may do: AUDIT_READ, CONFIG_READ, CONFIG_WRITE, USERS_WRITE.',
});

@ObjectType({ description: 'An integrator API key (the secret is never shown again after creation).' })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A newly created API key with its bearer token, shown this once.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey!: ApiKey;

  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>". Store it now: it cannot be shown again.' })
  token!: string;
}
