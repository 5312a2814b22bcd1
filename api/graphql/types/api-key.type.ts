import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum ApiScope {
  AUDIT_READ = 'audit:read',
  CONFIG_READ = 'config:read',
  CONFIG_WRITE = 'config:write',
  USERS_WRITE = 'users:write',
}
registerEnumType(ApiScope, {
  name: 'ApiScope',
  description: 'What an API key may do: AUDIT_READ, CONFIG_READ, CONFIG_WRITE, USERS_WRITE. Scopes do not imply each other: a key that changes settings and reads them back needs both CONFIG_WRITE and CONFIG_READ.',
  valuesConfig: {
    AUDIT_READ: { description: 'Read the audit history: the auditEvents and auditTimeline queries, the auditEvents and authenticationEvents subscriptions, and the retention setting.' },
    CONFIG_READ: { description: 'Read the configuration: directory connectors and their users, SAML connectors, services, token packs and the sign-in policy.' },
    CONFIG_WRITE: { description: 'Create, change and delete directory connectors, SAML connectors, services and token packs, send token packs, and change the sign-in policy and audit retention.' },
    USERS_WRITE: { description: 'Manage users of built-in directories: add, change, remove and import them, set their passwords and email password links.' },
  },
});

@ObjectType({ description: 'An integrator API key (the secret is never shown again after creation).' })
export class ApiKey {
  @Field(() => ID, {
    description: 'The key id (32 hex digits): the middle part of the token cs_<id>_<secret>, and actor.id of the audit events the key causes (actor.kind integrator).',
  })
  id!: string;

  @Field(() => String, { description: 'A label for the integration that uses the key, chosen at creation.' })
  name!: string;

  @Field(() => [ApiScope], { description: 'What requests with this key may do.' })
  scopes!: ApiScope[];

  @Field(() => GraphQLISODateTime, { description: 'When the key was created (ISO-8601, UTC).' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was revoked (ISO-8601, UTC); null while it still works.' })
  revokedAt!: Date | null;
}

@ObjectType({ description: 'A newly created API key with its bearer token, shown this once.' })
export class CreatedApiKey {
  @Field(() => ApiKey, { description: 'The new key as apiKeys lists it.' })
  apiKey!: ApiKey;

  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>". Store it now: it cannot be shown again.' })
  token!: string;
}
