import type { Server } from 'node:http';
import type Database from 'better-sqlite3';
import type { Router } from 'express';
import type { RateLimiter, SignInPolicies } from '../auth';
import { createCommandHandler, type CommandBus, type ReadModelProgress } from '../commands';
import type { Sealer } from '../crypto';
import type { DirectoryRegistry } from '../directory/directory-registry';
import type { EventStore } from '../eventstore';
import { createChallengeFeed } from './challenge-feed';
import { createChallengeService, type ChallengeSettings } from './challenge-service';
import { createDeviceHub } from './device-hub';
import { createDeviceService } from './device-service';
import { createEnrollmentService, type EnrollmentSettings } from './enrollment-service';
import { attachDeviceChannel } from './http/device-channel';
import { createMfaApiRouter } from './http/mfa-api-router';
import { createSignInApprovalRouter, type SignInApprovalRouterDeps } from './http/sign-in-approval-router';
import { createSecondFactor } from './second-factor';

export interface MfaDeps {
  store: EventStore;
  execute: CommandBus;
  readDb: Database.Database;
  progress: ReadModelProgress;
  directories: DirectoryRegistry;
  limiter: RateLimiter;
  signInPolicies: SignInPolicies;
  sealer: Sealer;
  /** `deriveKey(masterKey, 'enrollment-link')`. */
  enrollmentLinkKey: Buffer;
  /** `deriveKey(masterKey, 'sign-in-binding')`. */
  bindingKey: Buffer;
  now: () => Date;
  logger: { warn(details: object, message: string): void; error(details: object, message: string): void };
  /** `config.publicUrl.startsWith('https:')`. */
  secureCookies: boolean;
  /** `COUNTERSIGN_TRUSTED_PROXIES`. */
  trustedProxies: number;
  enrollment?: Partial<EnrollmentSettings>;
  challenges?: Partial<ChallengeSettings>;
}

/**
 * The second factor, wired: enrollment, devices, push challenges with their live feed and
 * device channel, and the SecondFactor the SSO flow calls. Mount `apiRouter` (authenticator
 * API), `approvalRouter(finish)` (waiting page), and `attachDeviceChannel(server)`.
 */
export function createMfa(deps: MfaDeps) {
  const handle = createCommandHandler({ store: deps.store, now: deps.now });
  const devices = createDeviceService({ store: deps.store, execute: deps.execute, readDb: deps.readDb, now: deps.now });
  const challenges = createChallengeService({ store: deps.store, handle, progress: deps.progress, readDb: deps.readDb, devices, now: deps.now, settings: deps.challenges });
  const enrollments = createEnrollmentService({
    store: deps.store, execute: deps.execute, readDb: deps.readDb, directories: deps.directories, limiter: deps.limiter, signInPolicies: deps.signInPolicies,
    sealer: deps.sealer, enrollmentLinkKey: deps.enrollmentLinkKey, now: deps.now, settings: deps.enrollment,
  });
  const secondFactor = createSecondFactor({
    store: deps.store, handle, challenges, devices, sealer: deps.sealer, limiter: deps.limiter, bindingKey: deps.bindingKey, now: deps.now, secureCookies: deps.secureCookies,
  });
  const feed = createChallengeFeed({ progress: deps.progress, challenges: challenges.queries, devices: devices.queries });
  const hub = createDeviceHub({ devices, challenges, feed, now: deps.now, logger: deps.logger });
  const channels: { close(): void }[] = [];

  return {
    devices,
    challenges,
    enrollments,
    secondFactor,
    feed,
    hub,
    apiRouter: createMfaApiRouter({ enrollments, challenges, devices, limiter: deps.limiter, trustedProxies: deps.trustedProxies, logger: deps.logger }) as Router,
    /** The waiting page's routes; `finish` is the SSO flow's `finishSecondFactor`. */
    approvalRouter(finish: SignInApprovalRouterDeps['finish'], themeOf?: SignInApprovalRouterDeps['themeOf']): Router {
      return createSignInApprovalRouter({ secondFactor, challenges, feed, finish, themeOf, trustedProxies: deps.trustedProxies, logger: deps.logger, now: deps.now });
    },
    attachDeviceChannel(server: Server): void {
      channels.push(attachDeviceChannel(server, hub));
    },
    close(): void {
      for (const channel of channels) channel.close();
      hub.close();
      feed.close();
    },
  };
}

export type Mfa = ReturnType<typeof createMfa>;
