import type Database from 'better-sqlite3';
import type { AdminSessions, ApiKeys, FirstOwner } from './auth';
import type { CommandBus, ReadModelProgress } from './commands';
import type { Config } from './config/config';
import type { Sealer } from './crypto';
import type { EventStore } from './eventstore';
import type { Logger } from './logger';
import type { Metrics } from './http/metrics';
import type { JobQueue } from '../workers/job-queue';
import type { AuditQueries } from '../projections';

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
  queue: JobQueue;
  metrics: Metrics;
  adminSessions: AdminSessions;
  apiKeys: ApiKeys;
  firstOwner: FirstOwner;
  auditQueries: AuditQueries;
}
