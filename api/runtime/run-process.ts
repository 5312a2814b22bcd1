import { ConfigError, loadConfig } from '../config/config';
import { createLogger } from '../logger';
import { startCountersign, type Role } from './start-countersign';

/**
 * Starts a process with the given roles, and stops it gracefully on SIGTERM/SIGINT:
 * no new requests, in-flight requests and active jobs finish, then the stores close.
 */
export async function runProcess(roles: readonly Role[]): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let running: Awaited<ReturnType<typeof startCountersign>>;
  try {
    running = await startCountersign(config, logger, roles);
  } catch (error) {
    logger.fatal({ err: error }, 'Countersign could not start');
    process.exit(1);
  }
  // A projections or workers process has no server socket holding the event loop open (its
  // timers are unref'd so tests can exit): hold it until a signal says to stop.
  const keepAlive = setInterval(() => undefined, 60_000);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests and jobs');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 25 s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    await running.stop();
    clearInterval(keepAlive);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
