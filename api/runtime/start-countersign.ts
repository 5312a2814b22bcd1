import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { allProjections, createAuditQueries, createCheckpointProgress, createProjectionRunner, openReadModelDb, pruneAudit, startProjectionThread, type ProjectionThread } from '../../projections';
import { createReactorRunner } from '../../workers/reactor-runner';
import { reactors } from '../../workers/reactors';
import type { AppServices } from '../app-services';
import { createAdminAccounts, createAdminSessions, createApiKeys, createFirstOwner, createMemoryRateLimiter, createRedisRateLimiter, createSignInPolicies, deriveKey } from '../auth';
import { createCommandBus, createCommandHandler, type ReadModelProgress } from '../commands';
import type { Config } from '../config/config';
import { createSealer, loadOrCreateMasterKey } from '../crypto';
import { buildCountersignSchema } from '../graphql/build-schema';
import { createHttpApp, expressServerOptions, mountWebApp } from '../http/create-http-app';
import { mountGraphQL } from '../http/graphql-endpoint';
import { createMetrics } from '../http/metrics';
import type { Logger } from '../logger';
import { bootstrapTenant } from './bootstrap-tenant';
import { createSamlConnectorService, createServiceInstanceService } from '../saml-config';
import { mountSso } from '../sso/mount-sso';
import { mountAuditExport } from '../http/audit-export';
import { createPasswordLinkRouter } from '../directory/password-link-router';
import { createTokenPackService } from '../token-packs';
import { createMailSettingsService } from '../mail-settings';
import { createThemeService } from '../themes';
import { createMfa, createPushChannelRouter, isLoopbackUrl, loadOrCreateVapidKeys, vapidSubjectOf } from '../mfa';
import { createWebPushTransport } from '../../workers/push/web-push-transport';
import { DEFAULT_PUSH_LIMITS } from '../domain/challenge';
import { registerMfaWorkers } from '../../workers/register-mfa-workers';
import { registerMailWorkers } from '../../workers/register-mail-workers';
import { createOutboxMailTransport, createSmtpMailTransport, createTenantMailTransport } from '../../workers';
import { createDirectoryRegistry } from '../directory/directory-registry';
import { createDirectoryConnectorService } from '../directory/directory-connector-service';
import { createBuiltInUserService } from '../directory/built-in-user-service';
import { eventStoreFile, openEventStore } from './open-event-store';
import { startWalCheckpointer } from './wal-checkpointer';
import { openJobQueue } from './open-job-queue';

/** What writes this process's read models, whichever thread it runs on. */
type Projector = Pick<ProjectionThread, 'position' | 'waitFor' | 'onAdvance' | 'lastLagMs' | 'pruneAudit' | 'stop'>;

/** Which parts run in this process: all three in single-node mode. */
export type Role = 'api' | 'projections' | 'workers';

export interface RunningCountersign {
  services: AppServices;
  server?: Server;
  url: string;
  stop(): Promise<void>;
}

/**
 * The composition root: opens the ports, wires the services, catches up the read models,
 * creates the default tenant and first owner, and starts listening. Steps stop in reverse.
 */
export async function startCountersign(config: Config, logger: Logger, roles: readonly Role[]): Promise<RunningCountersign> {
  const has = (r: Role) => roles.includes(r);
  const now = () => new Date();

  // 1. Secrets and the event store.
  const master = loadOrCreateMasterKey(config.COUNTERSIGN_MASTER_KEY, config.dataDir);
  if (master.generated) {
    logger.warn({ file: join(config.dataDir, 'master.key') }, 'generated a master key; back it up: without it sealed secrets cannot be opened');
  }
  const sealer = createSealer(master.key, config.COUNTERSIGN_RETIRED_MASTER_KEYS);
  // The SQLite files only this process writes are checkpointed by a thread of its own (see
  // `startWalCheckpointer`); their connections leave checkpoints to it.
  const singleProcess = roles.length === 3;
  const readModelFile = join(config.dataDir, 'readmodels.sqlite');
  const checkpointed = [
    ...(singleProcess && !config.EVENTSTORE_URL ? [eventStoreFile(config)] : []),
    ...(has('projections') ? [readModelFile] : []),
  ];
  const ownCheckpoints = (file: string) => ({ autoCheckpoint: !checkpointed.includes(file) });
  const store = await openEventStore(config, { crossProcess: !singleProcess, ...ownCheckpoints(eventStoreFile(config)) });
  const vapid = await loadOrCreateVapidKeys({ store, sealer, now }); // Web Push key pair, generated once, sealed in the store

  // 2. Read models: projected by a thread of this process (one node on SQLite), by this
  // thread (a projections process, or KurrentDB), or read from the file a projections process writes.
  const readDb = openReadModelDb(readModelFile, ownCheckpoints(readModelFile));
  const checkpointer = checkpointed.length > 0 ? await startWalCheckpointer(checkpointed, logger) : undefined;
  const onProjectionError = (err: Error) => logger.error({ err }, 'projection failed');
  let projector: Projector | undefined;
  if (has('projections') && singleProcess && !config.EVENTSTORE_URL) {
    projector = await startProjectionThread({ store, eventsFile: eventStoreFile(config), readModelFile, onError: onProjectionError });
  } else if (has('projections')) {
    const runner = createProjectionRunner({ store, db: readDb, projections: allProjections, onError: onProjectionError });
    await runner.start();
    projector = { ...runner, pruneAudit: (at) => void pruneAudit(readDb, at) };
  } else {
    for (const p of allProjections) readDb.exec(p.schema);
  }
  const progress: ReadModelProgress & { close?: () => void } = projector ?? createCheckpointProgress(readDb);

  // 3. Jobs and reactors.
  // The SQLite queue belongs to the one process that runs workers; with Redis every process can enqueue.
  const queue = has('workers') || config.REDIS_URL ? openJobQueue(config, logger) : null;
  const reactorRunner = queue && has('workers')
    ? createReactorRunner({ store, db: readDb, queue, reactors, onError: (err) => logger.error({ err }, 'reactor failed') })
    : null;
  await reactorRunner?.start();

  // 4. Services.
  const metrics = createMetrics();
  const redis = config.REDIS_URL ? new Redis(config.REDIS_URL, { lazyConnect: false }) : undefined;
  const limiter = redis ? createRedisRateLimiter(redis) : createMemoryRateLimiter();
  const limitPolicy = { limit: config.COUNTERSIGN_ADMIN_SIGNIN_LIMIT, windowSeconds: 15 * 60 };
  const execute = createCommandBus({ handle: createCommandHandler({ store, now }), progress, readWaitMs: config.COUNTERSIGN_READ_WAIT_MS });
  const directories = createDirectoryRegistry({ readDb, sealer, logger });
  const services: AppServices = {
    config,
    logger,
    now,
    store,
    readDb,
    progress,
    execute,
    sealer,
    queue,
    metrics,
    adminSessions: createAdminSessions({
      readDb,
      execute,
      sealer,
      limiter,
      limitPolicy,
      csrfKey: deriveKey(master.key, 'csrf'),
      sessionHours: config.COUNTERSIGN_SESSION_HOURS,
      now,
    }),
    adminAccounts: createAdminAccounts({ readDb, execute, sealer, limiter, limitPolicy, publicUrl: () => config.publicUrl, now }),
    apiKeys: createApiKeys({ readDb, execute }),
    firstOwner: createFirstOwner({ readDb, execute, sealer }),
    auditQueries: createAuditQueries(readDb),
    directories,
    directoryConnectors: createDirectoryConnectorService({ readDb, execute, sealer, registry: directories }),
    builtInUsers: createBuiltInUserService({ readDb, execute, sealer, publicUrl: () => config.publicUrl, now }),
    signInPolicies: createSignInPolicies(readDb),
    samlConnectors: createSamlConnectorService({ readDb, execute, sealer, config, now }),
    serviceInstances: createServiceInstanceService({ readDb, execute }),
    mfa: createMfa({
      store, execute, readDb, progress, directories, limiter, signInPolicies: createSignInPolicies(readDb), sealer, now, logger,
      enrollmentLinkKey: deriveKey(master.key, 'enrollment-link'),
      bindingKey: deriveKey(master.key, 'sign-in-binding'),
      secureCookies: config.publicUrl.startsWith('https:'),
      trustedProxies: config.COUNTERSIGN_TRUSTED_PROXIES,
      challenges: {
        expirySeconds: config.COUNTERSIGN_PUSH_EXPIRY_SECONDS,
        limits: { ...DEFAULT_PUSH_LIMITS, maxPerHour: config.COUNTERSIGN_PUSH_MAX_PER_HOUR, maxPending: config.COUNTERSIGN_PUSH_MAX_PENDING },
      },
    }),
    tokenPacks: createTokenPackService({ readDb, execute, sealer, enrollmentLinkKey: deriveKey(master.key, 'enrollment-link'), config, now }),
    mailSettings: createMailSettingsService({ readDb, store, execute, sealer, config, logger }),
    themes: createThemeService({ readDb, execute }),
    limiter,
  };

  // Mail workers: SMTP when SMTP_URL is set, otherwise .eml files in DATA_DIR/outbox.
  const mailWorkers = queue && has('workers')
    ? registerMailWorkers({
        queue, store, execute, sealer, now, logger,
        mailFrom: config.COUNTERSIGN_MAIL_FROM,
        // An organisation with its own server (Settings › Outgoing mail) sends through it.
        transport: createTenantMailTransport({ store, sealer, fallback: config.SMTP_URL ? createSmtpMailTransport({ url: config.SMTP_URL }) : createOutboxMailTransport({ folder: join(config.dataDir, 'outbox') }) }),
      })
    : null;

  const mfaWorkers = queue && has('workers')
    ? registerMfaWorkers({ queue, store, readDb, logger, now, sealer, pushTransports: [createWebPushTransport({ vapid: { ...vapid, subject: vapidSubjectOf(config) } })] })
    : null;

  // 5. The default tenant and its first owner.
  if (has('api')) await bootstrapTenant(services);

  // 6. HTTP.
  let server: Server | undefined;
  let apollo: Awaited<ReturnType<typeof mountGraphQL>> | undefined;
  if (has('api')) {
    const app = createHttpApp(services, () => readiness(services, projector));
    server = createServer(expressServerOptions(app), app);
    apollo = await mountGraphQL(app, server, services, await buildCountersignSchema());
    app.use(services.mfa.apiRouter);
    app.use(createPushChannelRouter({ devices: services.mfa.devices, execute, sealer, limiter, vapidPublicKey: vapid.publicKey, allowLoopback: isLoopbackUrl(config.publicUrl), trustedProxies: config.COUNTERSIGN_TRUSTED_PROXIES, logger }));
    services.mfa.attachDeviceChannel(server);
    mountSso(app, services);
    mountAuditExport(app, services);
    app.use(createPasswordLinkRouter(services));
    mountWebApp(app, join(import.meta.dirname, '../../web/dist'), services);
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(config.PORT, config.HOST, () => resolve());
    });
  }
  const gauges = setInterval(() => void updateGauges(services, projector), 5_000);
  gauges.unref();
  // Audit retention: hourly, on the process that writes the read models.
  const pruning = projector ? setInterval(() => projector.pruneAudit(now()), 3_600_000) : undefined;
  pruning?.unref();
  const address = server?.address();
  const url = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : config.publicUrl;
  logger.info({ roles, url: config.publicUrl, eventStore: config.EVENTSTORE_URL ? 'kurrentdb' : 'sqlite', queue: config.REDIS_URL ? 'bullmq' : 'sqlite' }, 'Countersign is running');

  return {
    services,
    server,
    url,
    async stop() {
      clearInterval(gauges);
      clearInterval(pruning);
      services.mfa.close(); // closes device channels and live feeds
      await apollo?.stop(); // drains HTTP requests and closes WebSockets
      if (server?.listening) await new Promise((resolve) => server!.close(resolve));
      await reactorRunner?.stop();
      await mfaWorkers?.close();
      await mailWorkers?.close();
      await queue?.close(); // waits for active jobs
      await directories.closeAll();
      await projector?.stop();
      progress.close?.();
      redis?.disconnect();
      await store.close();
      readDb.close();
      await checkpointer?.stop();
    },
  };
}

async function readiness(services: AppServices, projector: Projector | undefined) {
  const checks: Record<string, string> = {};
  let ready = true;
  try {
    const head = await services.store.headPosition();
    const lag = head - services.progress.position();
    checks.eventStore = 'ok';
    checks.readModels = lag <= 1000n ? 'ok' : `${lag} events behind`;
    if (lag > 1000n) ready = false;
  } catch (error) {
    checks.eventStore = `unreachable: ${(error as Error).message}`;
    ready = false;
  }
  if (projector === undefined) checks.projections = 'run by a separate process';
  return { ready, checks };
}

async function updateGauges(services: AppServices, projector: Projector | undefined) {
  try {
    const head = await services.store.headPosition();
    services.metrics.projectionLagEvents.set(Number(head - services.progress.position()));
    if (projector) services.metrics.projectionLagSeconds.set(projector.lastLagMs() / 1000);
    for (const queue of ['mail', 'push']) if (services.queue) services.metrics.queueDepth.set({ queue }, await services.queue.depth(queue));
  } catch (err) {
    services.logger.warn({ err }, 'could not update metrics gauges');
  }
}
