import { randomInt, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { streamId, type CommandContext, type CommandHandler, type ReadModelProgress } from '../commands';
import { authenticationDecider } from '../domain/authentication';
import { challengeDecider, DEFAULT_PUSH_LIMITS, recentWindowSeconds, type ChallengeEvent, type PushLimits, type SuppressionReason } from '../domain/challenge';
import { directoryUserId } from '../domain/directory-user';
import type { ChallengeDecision } from '../domain/device';
import type { EventStore } from '../eventstore';
import { AppError, isAppError } from '../errors';
import type { DeviceService } from './device-service';
import { createChallengeQueries } from './internal/challenge-queries';

/** Push challenge settings (see `DEFAULT_CHALLENGE_SETTINGS`). */
export interface ChallengeSettings {
  /** Seconds a challenge can be answered. */
  expirySeconds: number;
  /** How many numbers the device offers; one is the number the sign-in page shows. */
  numberChoices: number;
  limits: PushLimits;
}

/** 60 s to answer (NIST 800-63B allows up to 10 min; shorter narrows the window for fatigue), 3 numbers to pick from. */
export const DEFAULT_CHALLENGE_SETTINGS: ChallengeSettings = { expirySeconds: 60, numberChoices: 3, limits: DEFAULT_PUSH_LIMITS };

export interface ChallengeServiceDeps {
  store: EventStore;
  /** Appends without waiting for read models (issuing and answering are on the sign-in's hot path). */
  handle: CommandHandler;
  /** This node's read models: the push limits count the challenges they hold. */
  progress: ReadModelProgress;
  readDb: Database.Database;
  devices: DeviceService;
  now: () => Date;
  settings?: Partial<ChallengeSettings>;
}

/** What a sign-in asked for: who signs in to what, from where. */
export interface ChallengeRequest {
  tenantId: string;
  signInId: string;
  serviceId: string;
  serviceName: string;
  directoryConnectorId: string;
  username: string;
  ip?: string;
  userAgent?: string;
}

export type IssueOutcome =
  | { kind: 'issued'; challengeId: string; number: number; expiresAt: string }
  | { kind: 'suppressed'; challengeId: string; reason: SuppressionReason; retryAfterSeconds: number }
  | { kind: 'no-device' }
  /** The user has devices, but none from a token pack that enables this service. */
  | { kind: 'not-enabled' };

export type AnswerOutcome = 'APPROVED' | 'DENIED' | 'FRAUD_REPORTED';

/** Whether a device has a channel besides the live connection (Web Push, …) the push worker must send through. */
const reachableByPush = (device: { channels: string }) => (JSON.parse(device.channels) as string[]).some((channel) => channel !== 'websocket');

/** Distinct two-digit numbers in ascending order, and which of them the page shows. */
export function drawNumbers(count: number): { number: number; choices: number[] } {
  const choices = new Set<number>();
  while (choices.size < count) choices.add(randomInt(10, 100));
  const sorted = [...choices].sort((a, b) => a - b);
  return { number: sorted[randomInt(sorted.length)]!, choices: sorted };
}

/**
 * Push challenges: issued to every active device of the user whose token pack enables the
 * service (within the push-fatigue limits), answered by a device signature, expired by the
 * push worker's timer. Each outcome is also recorded on the sign-in's stream.
 */
export function createChallengeService(deps: ChallengeServiceDeps) {
  const settings = { ...DEFAULT_CHALLENGE_SETTINGS, ...deps.settings, limits: { ...DEFAULT_CHALLENGE_SETTINGS.limits, ...deps.settings?.limits } };
  const queries = createChallengeQueries(deps.readDb);
  const stream = (tenantId: string, challengeId: string) => streamId('challenge', tenantId, challengeId);
  const signInStream = (tenantId: string, signInId: string) => streamId('authentication', tenantId, signInId);

  // Issues for one user follow each other on this node, each once the read models hold the one
  // before, so the push limits count every challenge. A sign-in does not wait for its own
  // challenge to reach the read models: whatever shows it waits first (`caughtUp`).
  const issuing = new Map<string, Promise<void>>();

  const deviceContext = (tenantId: string, signInId: string, deviceId: string, client: { ip?: string; userAgent?: string }): CommandContext => ({
    tenantId, actor: { kind: 'device', id: deviceId }, correlationId: signInId, causationId: randomUUID(),
    ...(client.ip ? { ip: client.ip } : {}), ...(client.userAgent ? { userAgent: client.userAgent } : {}),
  });

  /** Issues now: the caller has waited for the user's previous issue to reach the read models. */
  const issueNow = async (request: ChallengeRequest, ctx: CommandContext): Promise<{ outcome: IssueOutcome; position?: bigint }> => {
    const userKey = directoryUserId(request.directoryConnectorId, request.username);
    const devices = deps.devices.queries.activeOfUserForService(request.tenantId, userKey, request.serviceId);
    if (devices.length === 0) return { outcome: deps.devices.queries.activeOfUser(request.tenantId, userKey).length === 0 ? { kind: 'no-device' } : { kind: 'not-enabled' } };
    await service.cancelPendingOfSignIn(request.tenantId, request.signInId, 'SUPERSEDED', ctx);
    const now = deps.now();
    const since = new Date(now.getTime() - recentWindowSeconds(settings.limits) * 1000).toISOString();
    const challengeId = randomUUID();
    const { number, choices } = drawNumbers(settings.numberChoices);
    const result = await deps.handle(challengeDecider, stream(request.tenantId, challengeId), {
      type: 'IssueChallenge',
      recent: queries.recentOfUser(request.tenantId, userKey, since),
      limits: settings.limits,
      challenge: {
        challengeId, signInId: request.signInId, serviceId: request.serviceId, serviceName: request.serviceName, directoryConnectorId: request.directoryConnectorId,
        username: request.username, userKey, deviceIds: devices.map((d) => d.id), pushDeviceIds: devices.filter(reachableByPush).map((d) => d.id), number, numberChoices: choices,
        clientIp: request.ip ?? null, browser: request.userAgent ?? null, issuedAt: now.toISOString(), expiresAt: new Date(now.getTime() + settings.expirySeconds * 1000).toISOString(),
      },
    }, ctx);
    const event = result.events[0] as ChallengeEvent;
    if (event.type === 'PushChallengeSuppressed') return { position: result.position, outcome: { kind: 'suppressed', challengeId, reason: event.data.reason, retryAfterSeconds: event.data.retryAfterSeconds } };
    return { position: result.position, outcome: { kind: 'issued', challengeId, number, expiresAt: (event.data as { expiresAt: string }).expiresAt } };
  };

  const service = {
    queries,
    settings,

    /** Waits until the read models hold every event stored so far, a challenge issued a moment ago included. */
    async caughtUp(): Promise<void> {
      await deps.progress.waitFor(await deps.store.headPosition());
    },

    /** Sends a new push for a sign-in, cancelling the sign-in's earlier pending one. */
    async issue(request: ChallengeRequest, ctx: CommandContext): Promise<IssueOutcome> {
      const key = `${request.tenantId}/${directoryUserId(request.directoryConnectorId, request.username)}`;
      const before = issuing.get(key);
      const turn = (async () => {
        await before;
        return issueNow(request, ctx);
      })();
      const projected = turn.then(({ position }) => (position === undefined ? undefined : deps.progress.waitFor(position))).catch(() => undefined);
      issuing.set(key, projected);
      void projected.then(() => {
        if (issuing.get(key) === projected) issuing.delete(key);
      });
      return (await turn).outcome;
    },

    /**
     * A device's answer, signed over `{challengeId, decision, number}`. Throws a readable
     * AppError for every refusal; a wrong number ends the challenge (CHALLENGE_WRONG_NUMBER).
     */
    async answer(challengeId: string, input: { deviceId: string; decision: ChallengeDecision; number: number | null; signature: string }, client: { ip?: string; userAgent?: string }): Promise<AnswerOutcome> {
      // A Web Push can reach the device before the projection thread has applied its challenge.
      const row = queries.find(challengeId) ?? (await service.caughtUp(), queries.find(challengeId));
      const tenantId = row?.tenant_id ?? deps.devices.tenantOf(input.deviceId);
      if (!tenantId) throw new AppError('NOT_FOUND', 'No such sign-in request.');
      const device = await deps.devices.load(tenantId, input.deviceId);
      const signInId = row?.sign_in_id ?? challengeId;
      const ctx = deviceContext(tenantId, signInId, input.deviceId, client);
      let result;
      try {
        result = await deps.handle(challengeDecider, stream(tenantId, challengeId), {
          type: 'Answer', deviceId: input.deviceId, decision: input.decision, number: input.number, signature: input.signature, now: deps.now().toISOString(),
          device: device.status === 'none' ? null : { status: device.status, publicKey: device.publicKey },
        }, ctx);
      } catch (error) {
        if (isAppError(error) && error.code === 'CHALLENGE_EXPIRED') await service.expireIfDue(tenantId, challengeId);
        throw error;
      }
      const [event] = result.events as ChallengeEvent[];
      switch (event?.type) {
        case 'ChallengeApproved':
          await service.recordOnSignIn(tenantId, signInId, { type: 'PassSecondFactor', method: 'push', deviceId: input.deviceId, challengeId }, ctx);
          return 'APPROVED';
        case 'ChallengeFailed':
          await service.recordOnSignIn(tenantId, signInId, { type: 'FailSecondFactor', method: 'push', reason: 'WRONG_NUMBER' }, ctx);
          throw new AppError('CHALLENGE_WRONG_NUMBER');
        case 'ChallengeDenied':
          await service.recordOnSignIn(tenantId, signInId, { type: 'Fail', code: event.data.fraud ? 'FRAUD_REPORTED' : 'CHALLENGE_DENIED', reason: event.data.fraud ? 'The user reported the sign-in as not theirs.' : 'The user denied the sign-in on their device.' }, ctx);
          return event.data.fraud ? 'FRAUD_REPORTED' : 'DENIED';
        default:
          throw new AppError('INTERNAL');
      }
    },

    /** Records an outcome on the sign-in's stream; a sign-in that already ended keeps its ending. */
    async recordOnSignIn(tenantId: string, signInId: string, command: Parameters<typeof authenticationDecider.decide>[0], ctx: CommandContext): Promise<void> {
      try {
        await deps.handle(authenticationDecider, signInStream(tenantId, signInId), command, ctx);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
      }
    },

    /** The push worker's timer: records the expiry of a challenge nobody answered. */
    async expireIfDue(tenantId: string, challengeId: string): Promise<void> {
      await deps.handle(challengeDecider, stream(tenantId, challengeId), { type: 'Expire', now: deps.now().toISOString() }, {
        tenantId, actor: { kind: 'system', id: 'push-worker' }, correlationId: queries.find(challengeId)?.sign_in_id ?? challengeId, causationId: randomUUID(),
      });
    },

    /** Cancels what the sign-in still has pending (a new push, or a TOTP code, replaces it). */
    async cancelPendingOfSignIn(tenantId: string, signInId: string, reason: 'CODE_USED' | 'SUPERSEDED' | 'SIGN_IN_ENDED', ctx: CommandContext): Promise<void> {
      for (const row of queries.pendingOfSignIn(signInId)) {
        if (row.tenant_id === tenantId) await deps.handle(challengeDecider, stream(tenantId, row.id), { type: 'Cancel', reason }, ctx);
      }
    },

    /** A device confirmed it received a challenge. */
    async recordDelivery(tenantId: string, challengeId: string, deviceId: string, channel: string): Promise<void> {
      await deps.handle(challengeDecider, stream(tenantId, challengeId), { type: 'RecordDelivery', deviceId, channel }, {
        tenantId, actor: { kind: 'device', id: deviceId }, correlationId: queries.find(challengeId)?.sign_in_id ?? challengeId, causationId: randomUUID(),
      });
    },
  };
  return service;
}

export type ChallengeService = ReturnType<typeof createChallengeService>;
