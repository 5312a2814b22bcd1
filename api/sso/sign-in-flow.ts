import { randomUUID } from 'node:crypto';
import type { RateLimiter, SignInPolicies } from '../auth';
import { streamId, fold, type CommandContext, type CommandHandler } from '../commands';
import type { DirectoryRegistry } from '../directory/directory-registry';
import type { SecondFactor } from '../mfa';
import { authenticationDecider, type AuthenticationEvent, type AuthenticationState, type PrimaryPassedState } from '../domain/authentication';
import type { EventStore } from '../eventstore';
import { AppError, isAppError } from '../errors';
import { parseAuthnRequest, validateAuthnRequest, type AuthnRequestInput, type ReplayCache } from '../saml';
import { completeSignIn, type FlowResult } from './complete-sign-in';
import { testSp } from './test-sp';
import type { IdpSession, IdpSessions } from './idp-session';
import type { ServiceContext, ServiceContexts } from './service-context';
import { renderErrorPage, renderSignInPage } from './sign-in-pages';
import type { PageThemeLookup } from '../http/page-theme';

export interface SignInFlowDeps {
  store: EventStore;
  handle: CommandHandler;
  now: () => Date;
  contexts: ServiceContexts;
  directories: DirectoryRegistry;
  idpSessions: IdpSessions;
  replayCache: ReplayCache;
  limiter: RateLimiter;
  signInPolicies: SignInPolicies;
  publicUrl: string;
  idpSessionHours: number;
  secondFactor: SecondFactor;
  onOutcome?: (outcome: string) => void;
  /** The organisation's default theme for the sign-in page (Settings › Themes). */
  themeOf?: PageThemeLookup;
}

export interface Client {
  ip?: string;
  userAgent?: string;
  session: IdpSession | null;
}

const cmdContext = (tenantId: string, correlationId: string, client: Client): CommandContext => ({
  tenantId,
  actor: { kind: 'user', id: 'anonymous' },
  correlationId,
  causationId: randomUUID(),
  ...(client.ip ? { ip: client.ip } : {}),
  ...(client.userAgent ? { userAgent: client.userAgent } : {}),
});

const stopped = (ctx: ServiceContext) => new AppError('SAML_SERVICE_STOPPED', `${ctx.serviceName} is stopped; sign-in is not available right now.`);

export function errorResult(error: AppError, serviceName?: string): FlowResult {
  const title = error.code === 'SAML_SERVICE_STOPPED' ? 'Service unavailable' : error.code === 'NOT_FOUND' ? 'Not found' : 'Sign-in could not continue';
  return {
    kind: 'html',
    status: error.status,
    html: renderErrorPage({
      title,
      message: error.message,
      hint: error.status < 500 ? `Go back to ${serviceName ?? 'the application'} and start the sign-in again. If this keeps happening, tell your IT help desk the time it happened.` : undefined,
    }),
  };
}

/**
 * The sign-in flow of the SAML IdP: an AuthnRequest starts a sign-in stream, the password
 * page checks the first factor against the service's directory, and `completeSignIn` does
 * the second factor and the Response. Every step is a command on the sign-in's stream.
 */
export function createSignInFlow(deps: SignInFlowDeps) {
  const loadState = async (tenantId: string, signInId: string): Promise<AuthenticationState> =>
    fold(authenticationDecider, (await deps.store.readStream(streamId('authentication', tenantId, signInId))) as unknown as AuthenticationEvent[]);

  const reject = async (ctx: ServiceContext, error: AppError, client: Client): Promise<FlowResult> => {
    await deps.handle(authenticationDecider, streamId('authentication', ctx.tenantId, randomUUID()), { type: 'RejectRequest', serviceId: ctx.serviceId, code: error.code, reason: error.message }, cmdContext(ctx.tenantId, randomUUID(), client));
    deps.onOutcome?.('rejected');
    return errorResult(error, ctx.serviceName);
  };

  return {
    /** An AuthnRequest arrived (POST or Redirect binding). */
    async receive(serviceId: string, input: AuthnRequestInput, client: Client): Promise<FlowResult> {
      // 1. The service, and whether it is running.
      // An unknown or unfinished service throws an AppError; the router renders it as a page.
      const ctx = deps.contexts.load(serviceId);
      if (ctx.state !== 'STARTED') return reject(ctx, stopped(ctx), client);

      // 2. Parse and check the request: size, XML safety, schema, issuer, signature, ACS, replay.
      const ssoUrl = `${deps.publicUrl}/saml/${serviceId}/sso`;
      let request;
      try {
        const parsed = parseAuthnRequest(input);
        request = { parsed, valid: validateAuthnRequest(parsed, { connector: ctx.connector, ssoUrls: [ssoUrl], replayCache: deps.replayCache, now: deps.now() }) };
      } catch (error) {
        if (isAppError(error) && error.expose) return reject(ctx, error, client);
        throw error;
      }

      // 3. Record the sign-in.
      const signInId = randomUUID();
      const cmd = cmdContext(ctx.tenantId, signInId, client);
      const stream = streamId('authentication', ctx.tenantId, signInId);
      await deps.handle(authenticationDecider, stream, {
        type: 'ReceiveRequest',
        signInId,
        request: {
          serviceId,
          samlConnectorId: ctx.samlConnectorId,
          directoryConnectorId: ctx.directoryConnectorId,
          spEntityId: request.parsed.issuer,
          requestId: request.valid.requestId,
          acsUrl: request.valid.acs.url,
          ...(request.valid.relayState !== undefined ? { relayState: request.valid.relayState } : {}),
          binding: input.binding,
          forceAuthn: request.valid.forceAuthn,
          secondFactor: ctx.secondFactor,
        },
      }, cmd);

      // 4. An IdP session for the same organisation and directory skips the password.
      const session = client.session;
      if (session && session.tenantId === ctx.tenantId && session.directoryConnectorId === ctx.directoryConnectorId && !request.valid.forceAuthn) {
        const passed = await deps.handle(authenticationDecider, stream, { type: 'PassPrimary', username: session.username, authnInstant: session.authnInstant.toISOString(), profile: session.profile, viaSession: true }, cmd);
        return completeSignIn(deps, ctx, signInId, passed.state as PrimaryPassedState, cmd);
      }
      return { kind: 'redirect', location: `/saml/${serviceId}/signin/${signInId}` };
    },

    /**
     * "Test your setup": an IdP-initiated sign-in to the built-in test SP. It asks for the
     * password (no IdP session), then the second factor as the service requires, exactly as a
     * real sign-in would.
     */
    async startTest(serviceId: string, client: Client): Promise<FlowResult> {
      const ctx = deps.contexts.load(serviceId);
      if (ctx.state !== 'STARTED') return errorResult(stopped(ctx), ctx.serviceName);
      const signInId = randomUUID();
      const sp = testSp(deps.publicUrl);
      await deps.handle(authenticationDecider, streamId('authentication', ctx.tenantId, signInId), {
        type: 'ReceiveRequest',
        signInId,
        request: {
          serviceId, samlConnectorId: ctx.samlConnectorId, directoryConnectorId: ctx.directoryConnectorId, spEntityId: sp.entityId,
          acsUrl: sp.acsUrl, relayState: serviceId, binding: 'idp-initiated', forceAuthn: true, secondFactor: ctx.secondFactor,
        },
      }, cmdContext(ctx.tenantId, signInId, client));
      return { kind: 'redirect', location: `/saml/${serviceId}/signin/${signInId}` };
    },

    /** The password page of a sign-in. */
    async showPasswordPage(serviceId: string, signInId: string): Promise<FlowResult> {
      const ctx = deps.contexts.load(serviceId);
      const state = await loadState(ctx.tenantId, signInId);
      if (state.status !== 'awaiting_password') return errorResult(new AppError('BAD_USER_INPUT', 'This sign-in has ended or does not exist.'), ctx.serviceName);
      return { kind: 'html', status: 200, html: renderSignInPage({ signInId, serviceId, serviceName: ctx.serviceName, theme: deps.themeOf?.(ctx.tenantId) }) };
    },

    /** The first factor: the password, checked against the service's directory. */
    async submitPassword(serviceId: string, signInId: string, usernameInput: string, password: string, client: Client): Promise<FlowResult> {
      const ctx = deps.contexts.load(serviceId);
      if (ctx.state !== 'STARTED') return errorResult(stopped(ctx), ctx.serviceName);
      const username = usernameInput.trim().slice(0, 256);
      const stream = streamId('authentication', ctx.tenantId, signInId);
      const cmd = cmdContext(ctx.tenantId, signInId, client);
      const state = await loadState(ctx.tenantId, signInId);
      if (state.status !== 'awaiting_password') return errorResult(new AppError('BAD_USER_INPUT', 'This sign-in has ended or does not exist.'), ctx.serviceName);
      const again = (error: string, status = 200): FlowResult => ({ kind: 'html', status, html: renderSignInPage({ signInId, serviceId, serviceName: ctx.serviceName, username, error, theme: deps.themeOf?.(ctx.tenantId) }) });

      // 1. Rate limits per user and per client address, before the directory is asked.
      const keys = [`signin-user:${ctx.tenantId}:${ctx.directoryConnectorId}:${username.toLowerCase()}`, `signin-ip:${client.ip ?? 'unknown'}`];
      const policy = deps.signInPolicies.limitOf(ctx.tenantId);
      for (const key of keys) {
        const verdict = await deps.limiter.check(key, policy);
        if (!verdict.allowed) {
          await deps.handle(authenticationDecider, stream, { type: 'FailPrimary', username, reason: 'RATE_LIMITED', adminMessage: `Too many failed sign-ins (${key.split(':')[0]}); blocked for ${verdict.retryAfterSeconds} s.` }, cmd);
          deps.onOutcome?.('rate_limited');
          const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
          return again(`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, 429);
        }
      }

      // 2. The directory.
      const result = await deps.directories.get(ctx.tenantId, ctx.directoryConnectorId).authenticate(username, password);
      if (!result.ok) {
        const failed = await deps.handle(authenticationDecider, stream, {
          type: 'FailPrimary', username, reason: result.reason, adminMessage: result.adminMessage, ...(result.diagnostic ? { diagnostic: result.diagnostic } : {}),
        }, cmd);
        if (result.reason !== 'DIRECTORY_UNREACHABLE' && result.reason !== 'DIRECTORY_TIMEOUT' && result.reason !== 'MISSING_CREDENTIALS') {
          await Promise.all(keys.map((k) => deps.limiter.fail(k, policy)));
        }
        deps.onOutcome?.('failed_first_factor');
        if (failed.state.status === 'failed') return errorResult(new AppError('BAD_USER_INPUT', 'Too many wrong passwords for this sign-in.'), ctx.serviceName);
        return again(result.message);
      }
      await deps.limiter.reset(keys[0]!);

      // 3. First factor passed: start the IdP session, then the second factor and the Response.
      // Acknowledged once committed, not synced: every way on from here appends again (the push,
      // the failure, or the Response) and waits for that to be on disk before the browser hears
      // anything, and it cannot get there without this. One sync less on the password step.
      const idp = deps.idpSessions.newSession(deps.idpSessionHours);
      const passed = await deps.handle(authenticationDecider, stream, {
        type: 'PassPrimary', username: result.profile.username, authnInstant: deps.now().toISOString(), profile: result.profile, viaSession: false,
        session: { sessionKey: idp.sessionKey, expiresAt: idp.expiresAt.toISOString() },
      }, cmd, { ack: 'committed' });
      const outcome = await completeSignIn(deps, ctx, signInId, passed.state as PrimaryPassedState, cmd);
      deps.onOutcome?.(outcome.kind === 'redirect' ? 'second_factor_pending' : outcome.status === 200 ? 'success' : 'second_factor_unavailable');
      return { ...outcome, idpSession: { token: idp.token, expiresAt: idp.expiresAt } };
    },

    /** The waiting page's last step: once the second factor passed, the signed Response. */
    async finishSecondFactor(serviceId: string, signInId: string, client: Omit<Client, 'session'>): Promise<FlowResult> {
      const ctx = deps.contexts.load(serviceId);
      const state = await deps.secondFactor.settle(ctx.tenantId, signInId);
      if (state.status === 'awaiting_second_factor') return { kind: 'redirect', location: `/saml/${serviceId}/signin/${signInId}/approve` };
      if (state.status !== 'ready') return errorResult(new AppError('BAD_USER_INPUT', 'This sign-in has ended or does not exist.'), ctx.serviceName);
      const outcome = await completeSignIn(deps, ctx, signInId, state, cmdContext(ctx.tenantId, signInId, { ...client, session: null }));
      deps.onOutcome?.(outcome.kind === 'html' && outcome.status === 200 ? 'success' : 'failed_second_factor');
      return outcome;
    },
  };
}

export type SignInFlow = ReturnType<typeof createSignInFlow>;
