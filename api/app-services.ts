import type Database from 'better-sqlite3';
import type { AdminAccounts, AdminSessions, ApiKeys, FirstOwner, RateLimiter, SignInPolicies } from './auth';
import type { CommandBus, ReadModelProgress } from './commands';
import type { Config } from './config/config';
import type { Sealer } from './crypto';
import type { EventStore } from './eventstore';
import type { Logger } from './logger';
import type { Metrics } from './http/metrics';
import type { JobQueue } from '../workers';
import type { AuditQueries } from '../projections';
import type { SamlConnectorService, ServiceInstanceService } from './saml-config';
import type { TokenPackService } from './token-packs';
import type { Mfa } from './mfa';
import type { DirectoryRegistry } from './directory/directory-registry';
import type { DirectoryConnectorService } from './directory/directory-connector-service';
import type { BuiltInUserService } from './directory/built-in-user-service';
import type { MailSettingsService } from './mail-settings';
import type { ThemeService } from './themes';

/** Everything the composition root wires together, handed to resolvers and endpoints. */
export interface AppServices {
  config: Config;
  logger: Logger;
  now: () => Date;
  store: EventStore;
  readDb: Database.Database;
  progress: ReadModelProgress;
  execute: CommandBus;
  sealer: Sealer;
  /** Null in an API-only process without Redis: there, only the workers process enqueues. */
  queue: JobQueue | null;
  metrics: Metrics;
  adminSessions: AdminSessions;
  /** Listing, inviting and removing admins, and accepting invitations. */
  adminAccounts: AdminAccounts;
  apiKeys: ApiKeys;
  firstOwner: FirstOwner;
  auditQueries: AuditQueries;
  directories: DirectoryRegistry;
  directoryConnectors: DirectoryConnectorService;
  builtInUsers: BuiltInUserService;
  signInPolicies: SignInPolicies;
  samlConnectors: SamlConnectorService;
  serviceInstances: ServiceInstanceService;
  tokenPacks: TokenPackService;
  /** Enrollment, devices, push challenges and the second factor of sign-ins. */
  mfa: Mfa;
  /** Settings › Outgoing mail: the organisation's own SMTP server and test emails. */
  mailSettings: MailSettingsService;
  /** Settings › Themes: the theme library and the default theme of the end-user pages. */
  themes: ThemeService;
  /** Counts failed sign-ins (admins and users), in memory or in Redis. */
  limiter: RateLimiter;
}
