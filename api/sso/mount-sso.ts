import type { Express } from 'express';
import type { AppServices } from '../app-services';
import { createCommandHandler } from '../commands';
import { InMemoryReplayCache } from '../saml';
import { createIdpSessions } from './idp-session';
import { createServiceContexts } from './service-context';
import { createSignInFlow } from './sign-in-flow';
import { createSsoRouter } from './sso-router';
import { createTestSpRouter } from './test-sp-router';

/**
 * Mounts the SAML IdP endpoints. Sign-in commands are appended without waiting for the read
 * models (the next step reads the sign-in's own stream), which keeps the sign-in path short.
 * The replay cache is per process: behind a load balancer, pin a SAML request's retries to
 * one node or accept that a replay could reach another node within the request's lifetime.
 */
export function mountSso(app: Express, services: AppServices): void {
  const { config } = services;
  const handle = createCommandHandler({ store: services.store, now: services.now });
  const contexts = createServiceContexts({ readDb: services.readDb, sealer: services.sealer, progress: services.progress });
  const idpSessions = createIdpSessions({ readDb: services.readDb, secure: config.publicUrl.startsWith('https:'), now: services.now });
  const flow = createSignInFlow({
    store: services.store,
    handle,
    now: services.now,
    contexts,
    directories: services.directories,
    idpSessions,
    // 24 MB, allocated once: room for the 13-minute window of a request (10 min + 3 min of
    // clock skew) at 1,280 sign-ins/s.
    replayCache: new InMemoryReplayCache(1_000_000, () => services.now().getTime()),
    limiter: services.limiter,
    signInPolicies: services.signInPolicies,
    publicUrl: config.publicUrl,
    idpSessionHours: config.COUNTERSIGN_IDP_SESSION_HOURS,
    secondFactor: services.mfa.secondFactor,
    onOutcome: (outcome) => services.metrics.signIns.inc({ outcome }),
    themeOf: services.themes.pageThemeOf,
  });
  app.use(services.mfa.approvalRouter((serviceId, signInId, client) => flow.finishSecondFactor(serviceId, signInId, client), services.themes.pageThemeOf));
  app.use(createTestSpRouter({ contexts, publicUrl: config.publicUrl, logger: services.logger }));
  app.use(createSsoRouter({ flow, contexts, idpSessions, handle, publicUrl: config.publicUrl, trustedProxies: config.COUNTERSIGN_TRUSTED_PROXIES, logger: services.logger }));
}
