import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from './auth-checker';
import { AdminAccountResolver } from './resolvers/admin-account.resolver';
import { ApiKeyResolver } from './resolvers/api-key.resolver';
import { AuditResolver } from './resolvers/audit.resolver';
import { DashboardResolver } from './resolvers/dashboard.resolver';
import { SessionResolver } from './resolvers/session.resolver';
import { DirectoryConnectorResolver } from './resolvers/directory-connector.resolver';
import { DirectoryUserResolver } from './resolvers/directory-user.resolver';
import { SignInPolicyResolver } from './resolvers/sign-in-policy.resolver';
import { SamlConnectorResolver } from './resolvers/saml-connector.resolver';
import { ServiceInstanceResolver } from './resolvers/service-instance.resolver';
import { TokenPackResolver } from './resolvers/token-pack.resolver';
import { DeviceResolver } from '../mfa/graphql/device.resolver';
import { MailSettingsResolver } from './resolvers/mail-settings.resolver';
import { ThemeResolver } from './resolvers/theme.resolver';

/** Every resolver of the admin and integrator API. */
export const resolvers = [SessionResolver, AdminAccountResolver, AuditResolver, DashboardResolver, ApiKeyResolver, DirectoryConnectorResolver, DirectoryUserResolver, SignInPolicyResolver, SamlConnectorResolver, ServiceInstanceResolver, TokenPackResolver, DeviceResolver, MailSettingsResolver, ThemeResolver] as const;

/**
 * type-graphql insists on a PubSub when a schema has subscriptions, but ours do not use
 * topics: each subscription reads the read models by position (see live-audit-events.ts),
 * which is what makes resuming exact. Using a topic by mistake fails loudly.
 */
const noTopics: PubSub = {
  publish() {
    throw new Error('Countersign subscriptions read the read models; publish to the event store instead');
  },
  subscribe() {
    throw new Error('Countersign subscriptions must declare `subscribe`, not topics');
  },
};

let built: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql keeps global metadata). */
export function buildCountersignSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, authChecker, validate: false, emitSchemaFile: false, pubSub: noTopics });
  return built;
}
