import { join } from 'node:path';
import type { Config } from '../config/config';
import type { Logger } from '../logger';
import { createBullMqJobQueue, createSqliteJobQueue, type JobQueue } from '../../workers';

/** BullMQ on Redis when REDIS_URL is set, otherwise the durable SQLite queue in DATA_DIR. */
export function openJobQueue(config: Config, logger: Logger): JobQueue {
  const queueLogger = { error: (details: object, message: string) => logger.error(details, message) };
  if (config.REDIS_URL) return createBullMqJobQueue({ connection: config.REDIS_URL, logger: queueLogger });
  return createSqliteJobQueue({ file: join(config.dataDir, 'jobs.sqlite'), logger: queueLogger });
}
