import { createHmac, randomUUID } from 'node:crypto';
import type { RateLimiter, RateLimitPolicy } from '../auth';
import { safeEqual } from '../auth';
import { streamId, type CommandContext, type CommandHandler } from '../commands';
import type { Sealer } from '../crypto';
import { authenticationDecider, type AuthenticationState } from '../domain/authentication';
import { challengeDecider } from '../domain/challenge';
import { deviceDecider, TOTP_SEED_SEAL_CONTEXT } from '../domain/device';
import { directoryUserId } from '../domain/directory-user';
import type { EventStore } from '../eventstore';
import { AppError, isAppError } from '../errors';
import type { ChallengeService } from './challenge-service';
import type { DeviceService } from './device-service';
import type { ChallengeRow } from './internal/challenge-queries';
import { loadState } from './internal/load-state';
import { matchTotp } from './totp';

/** What `completeSignIn` knows when a service requires the second factor. */
export interface SecondFactorBeginInput {
  tenantId: string;
  signInId: string;
  serviceId: string;
  serviceName: string;
  /** The username as the directory returned it (the profile's, not as typed). */
  username: string;
  directoryConnectorId: string;
  ip?: string;
  userAgent?: string;
}

/**
 * The second factor has started (`push`: the page shows `number`; `code`: pushes are paused
 * by the fatigue limits, a TOTP code still works) and the browser goes to `location` with
 * `setCookie` set; or it cannot start at all (`unavailable`: no device), which ends the sign-in.
 */
export type SecondFactorBegun =
  | { kind: 'push'; challengeId: string; number: number; location: string; setCookie: string }
  | { kind: 'code'; reason: 'PUSH_LIMITED'; message: string; location: string; setCookie: string }
  | { kind: 'unavailable'; reason: 'NO_DEVICE' | 'SERVICE_NOT_ENABLED'; message: string };

/** What the waiting page shows and the wait stream sends. */
export interface WaitStatus {
  state: ChallengeRow['status'] | 'NONE';
  challengeId: string | null;
  number: number | null;
  serviceName: string;
  expiresAt: string | null;
  /** A sentence for the user; null while waiting. */
  message: string | null;
  /** No further change will come without the user acting (resend, code, or start again). */
  final: boolean;
}

export interface SecondFactorDeps {
  store: EventStore;
  handle: CommandHandler;
  challenges: ChallengeService;
  devices: DeviceService;
  sealer: Sealer;
  limiter: RateLimiter;
  /** `deriveKey(masterKey, 'sign-in-binding')`: ties the waiting page to the browser that signed in. */
  bindingKey: Buffer;
  now: () => Date;
  /** Set the cookie's Secure flag (public URL is https). */
  secureCookies: boolean;
  /** Wrong TOTP codes per user before a pause (default 5 per 5 minutes). */
  codeLimit?: RateLimitPolicy;
}

/** Name of the cookie binding a waiting sign-in to its browser. */
export const SIGN_IN_BINDING_COOKIE = 'cs_signin';
/** The page the browser waits on. */
export const approvalPath = (serviceId: string, signInId: string) => `/saml/${encodeURIComponent(serviceId)}/signin/${encodeURIComponent(signInId)}/approve`;

const MESSAGES: Record<string, string> = {
  APPROVED: 'Approved. Signing you in…',
  DENIED: 'The sign-in was denied on your device.',
  FRAUD_REPORTED: 'You reported this sign-in as not yours. It was stopped, and your administrator can see the report.',
  WRONG_NUMBER: 'The number chosen on your device did not match this page. Send a new request, or enter a code instead.',
  EXPIRED: 'The request expired before it was answered. Send a new request, or enter a code instead.',
  CANCELLED: 'This request was replaced.',
  PUSH_LIMITED: 'Too many approval requests were sent recently, so no new one was sent. Enter a code from your authenticator instead.',
  COOL_DOWN: 'A recent request was denied, so approval requests are paused for a while. Enter a code from your authenticator instead.',
};

/**
 * The second factor of a SAML sign-in, as `completeSignIn` and the waiting page use it: a
 * push with number matching to every device of the user, or a TOTP code instead. Outcomes go
 * on the sign-in's stream (SecondFactorPassed / SecondFactorFailed / AuthenticationFailed).
 */
export function createSecondFactor(deps: SecondFactorDeps) {
  const codeLimit = deps.codeLimit ?? { limit: 5, windowSeconds: 300 };
  const signInStream = (tenantId: string, signInId: string) => streamId('authentication', tenantId, signInId);
  const binding = (signInId: string) => createHmac('sha256', deps.bindingKey).update(`countersign-sign-in-binding.v1.${signInId}`).digest('base64url');
  const setCookie = (serviceId: string, signInId: string) =>
    `${SIGN_IN_BINDING_COOKIE}=${binding(signInId)}; Path=/saml/${encodeURIComponent(serviceId)}/signin/${encodeURIComponent(signInId)}; Max-Age=900; HttpOnly; SameSite=Lax${deps.secureCookies ? '; Secure' : ''}`;
  const ctxOf = (tenantId: string, signInId: string, client: { ip?: string; userAgent?: string }, actor = 'anonymous'): CommandContext => ({
    tenantId, actor: { kind: 'user', id: actor }, correlationId: signInId, causationId: randomUUID(),
    ...(client.ip ? { ip: client.ip } : {}), ...(client.userAgent ? { userAgent: client.userAgent } : {}),
  });
  const loadSignIn = (tenantId: string, signInId: string): Promise<AuthenticationState> => loadState(deps.store, authenticationDecider, signInStream(tenantId, signInId));

  const begun = (input: { serviceId: string; signInId: string }, outcome: Awaited<ReturnType<ChallengeService['issue']>>): SecondFactorBegun => {
    const location = approvalPath(input.serviceId, input.signInId);
    if (outcome.kind === 'issued') return { kind: 'push', challengeId: outcome.challengeId, number: outcome.number, location, setCookie: setCookie(input.serviceId, input.signInId) };
    if (outcome.kind === 'suppressed') return { kind: 'code', reason: 'PUSH_LIMITED', message: MESSAGES[outcome.reason === 'COOL_DOWN' ? 'COOL_DOWN' : 'PUSH_LIMITED']!, location, setCookie: setCookie(input.serviceId, input.signInId) };
    if (outcome.kind === 'not-enabled') return { kind: 'unavailable', reason: 'SERVICE_NOT_ENABLED', message: 'Your authenticator is not set up for this application.' };
    return { kind: 'unavailable', reason: 'NO_DEVICE', message: 'No authenticator is set up for you yet.' };
  };

  const api = {
    /** Starts the second factor of a sign-in whose first factor passed. */
    async begin(input: SecondFactorBeginInput, ctx?: CommandContext): Promise<SecondFactorBegun> {
      const outcome = await deps.challenges.issue(input, ctx ?? ctxOf(input.tenantId, input.signInId, input, input.username));
      return begun(input, outcome);
    },

    /** Whether the binding cookie's value (`SIGN_IN_BINDING_COOKIE`) belongs to this sign-in. */
    isBound(cookieValue: string | undefined, signInId: string): boolean {
      return cookieValue !== undefined && safeEqual(cookieValue, binding(signInId));
    },

    /** The latest challenge of a sign-in (from the read model), for the page and the wait stream. */
    status(signInId: string): WaitStatus & { tenantId: string | null; serviceId: string | null } {
      const row = deps.challenges.queries.latestOfSignIn(signInId);
      if (!row) return { state: 'NONE', challengeId: null, number: null, serviceName: '', expiresAt: null, message: null, final: true, tenantId: null, serviceId: null };
      const expired = row.status === 'PENDING' && row.expires_at <= deps.now().toISOString();
      const state = expired ? 'EXPIRED' : row.status;
      const message = state === 'PENDING' ? null : state === 'SUPPRESSED' ? MESSAGES[row.reason === 'COOL_DOWN' ? 'COOL_DOWN' : 'PUSH_LIMITED']! : (MESSAGES[state] ?? null);
      return {
        state, challengeId: row.id, number: state === 'SUPPRESSED' ? null : row.number, serviceName: row.service_name, expiresAt: row.expires_at,
        message, final: state !== 'PENDING', tenantId: row.tenant_id, serviceId: row.service_id,
      };
    },

    /** The page's "send a new request": a new push for the same sign-in, within the limits. */
    async resend(tenantId: string, signInId: string, client: { ip?: string; userAgent?: string }): Promise<SecondFactorBegun> {
      const state = await loadSignIn(tenantId, signInId);
      if (state.status !== 'awaiting_second_factor') throw new AppError('CONFLICT', 'This sign-in has ended; start again from the application.');
      const serviceName = deps.challenges.queries.latestOfSignIn(signInId)?.service_name ?? 'the application';
      const request = { tenantId, signInId, serviceId: state.request.serviceId, serviceName, username: state.username, directoryConnectorId: state.request.directoryConnectorId, ...client };
      return begun(request, await deps.challenges.issue(request, ctxOf(tenantId, signInId, client, state.username)));
    },

    /**
     * "Enter a code instead": a TOTP code from any of the user's active devices whose token
     * pack enables the service, from the
     * previous, current or next 30-second step, used at most once (per device and step).
     */
    async verifyCode(tenantId: string, signInId: string, code: string, client: { ip?: string; userAgent?: string }): Promise<{ ok: true } | { ok: false; message: string }> {
      // A code cancels the pending push, which must be in the read models to be found.
      await deps.challenges.caughtUp();
      const state = await loadSignIn(tenantId, signInId);
      if (state.status !== 'awaiting_second_factor') throw new AppError('CONFLICT', 'This sign-in has ended; start again from the application.');
      const userKey = directoryUserId(state.request.directoryConnectorId, state.username);
      const ctx = ctxOf(tenantId, signInId, client, state.username);
      const limitKey = `totp:${tenantId}:${userKey}`;
      const verdict = await deps.limiter.check(limitKey, codeLimit);
      if (!verdict.allowed) return { ok: false, message: `Too many wrong codes. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minute(s).` };
      const fail = async (reason: string, message: string) => {
        await deps.limiter.fail(limitKey, codeLimit);
        await deps.challenges.recordOnSignIn(tenantId, signInId, { type: 'FailSecondFactor', method: 'totp', reason }, ctx);
        const after = await loadSignIn(tenantId, signInId);
        return { ok: false as const, message: after.status === 'failed' ? 'Too many wrong codes for this sign-in; start again from the application.' : message };
      };

      const now = deps.now().getTime();
      for (const row of deps.devices.queries.activeOfUserForService(tenantId, userKey, state.request.serviceId)) {
        const device = await loadState(deps.store, deviceDecider, streamId('device', tenantId, row.id));
        if (device.status !== 'active') continue;
        const step = matchTotp(deps.sealer.unseal(device.totpSeed, TOTP_SEED_SEAL_CONTEXT), code, now);
        if (step === null) continue;
        try {
          await deps.handle(deviceDecider, streamId('device', tenantId, row.id), { type: 'AcceptTotp', step, signInId }, { ...ctx, actor: { kind: 'device', id: row.id } });
        } catch (error) {
          if (isAppError(error) && error.code === 'TOTP_REPLAYED') return fail('CODE_REPLAYED', 'That code was already used. Wait for the next code on your authenticator.');
          throw error;
        }
        await deps.challenges.recordOnSignIn(tenantId, signInId, { type: 'PassSecondFactor', method: 'totp', deviceId: row.id }, ctx);
        await deps.challenges.cancelPendingOfSignIn(tenantId, signInId, 'CODE_USED', ctx);
        await deps.limiter.reset(limitKey);
        return { ok: true };
      }
      return fail('INVALID_CODE', 'That code is not right. Check the code on your authenticator and try again.');
    },

    /**
     * Before the Response is issued: the sign-in's state, recording the approval on it first
     * if the challenge was approved but the sign-in does not show it yet (a crash between
     * the two appends, or a page faster than the answer's second append).
     */
    async settle(tenantId: string, signInId: string): Promise<AuthenticationState> {
      const state = await loadSignIn(tenantId, signInId);
      if (state.status !== 'awaiting_second_factor') return state;
      const row = deps.challenges.queries.latestOfSignIn(signInId);
      if (!row || row.tenant_id !== tenantId) return state;
      const challenge = await loadState(deps.store, challengeDecider, streamId('challenge', tenantId, row.id));
      if (challenge.status !== 'APPROVED') return state;
      await deps.challenges.recordOnSignIn(tenantId, signInId, { type: 'PassSecondFactor', method: 'push', deviceId: challenge.decidedBy ?? '', challengeId: row.id }, {
        tenantId, actor: { kind: 'system', id: 'second-factor' }, correlationId: signInId, causationId: randomUUID(),
      });
      return loadSignIn(tenantId, signInId);
    },
  };
  return api;
}

export type SecondFactor = ReturnType<typeof createSecondFactor>;
