import { randomUUID } from 'node:crypto';
import type { CommandContext, CommandHandler } from '../commands';
import type { SecondFactor } from '../mfa';
import { streamId } from '../commands';
import { authenticationDecider, type PrimaryPassedState } from '../domain/authentication';
import { buildResponse, newSamlId, renderAutoPostForm, AUTO_POST_SCRIPT_CSP_HASH } from '../saml';
import type { ServiceContext } from './service-context';
import { samlProfileOf } from './saml-profile';
import { renderErrorPage } from './sign-in-pages';
import { testSp, testSpConnector } from './test-sp';

/** What an SSO endpoint sends back to the browser. */
export type FlowResult =
  | {
      kind: 'redirect';
      location: string;
      /** A Set-Cookie header value (the second factor's browser binding). */
      setCookie?: string;
      idpSession?: { token: string; expiresAt: Date };
    }
  | {
      kind: 'html';
      status: number;
      html: string;
      /** The ACS the page auto-posts to (the page's CSP must allow it as a form action). */
      postTo?: string;
      /** An IdP session to set as a cookie. */
      idpSession?: { token: string; expiresAt: Date };
    };


/**
 * After the first factor: the second factor as the service's policy says, then the signed
 * Response auto-posted to the ACS. The second factor (push, TOTP) is its own step; until an
 * authenticator is enrolled a service that requires it cannot complete a sign-in, and only
 * an explicit per-service policy of OFF skips it.
 */
export async function completeSignIn(deps: { handle: CommandHandler; now: () => Date; secondFactor: SecondFactor; publicUrl: string }, ctx: ServiceContext, signInId: string, state: PrimaryPassedState, cmd: CommandContext): Promise<FlowResult> {
  const stream = streamId('authentication', ctx.tenantId, signInId);
  // 1. Second factor: a push with number matching (or a TOTP code) on the waiting page.
  if (state.request.secondFactor === 'REQUIRED' && state.status !== 'ready') {
    const begun = await deps.secondFactor.begin({
      tenantId: ctx.tenantId, signInId, serviceId: ctx.serviceId, serviceName: ctx.serviceName, username: state.username,
      directoryConnectorId: state.request.directoryConnectorId, ip: cmd.ip, userAgent: cmd.userAgent,
    }, cmd);
    if (begun.kind !== 'unavailable') return { kind: 'redirect', location: begun.location, setCookie: begun.setCookie };
    const notEnabled = begun.reason === 'SERVICE_NOT_ENABLED';
    await deps.handle(authenticationDecider, stream, {
      type: 'Fail', code: 'SECOND_FACTOR_UNAVAILABLE',
      reason: notEnabled
        ? `${state.username} has authenticators, but none from a token pack that enables ${ctx.serviceName}.`
        : `${state.username} has no enrolled authenticator to approve the sign-in.`,
    }, cmd);
    return {
      kind: 'html',
      status: 403,
      html: renderErrorPage({
        title: 'Approval needed',
        message: notEnabled
          ? `${ctx.serviceName} requires you to approve each sign-in on your authenticator, and your authenticator is not set up for ${ctx.serviceName}.`
          : `${ctx.serviceName} requires you to approve each sign-in on your authenticator, and no authenticator is set up for you yet.`,
        hint: notEnabled
          ? `Ask your administrator to enable ${ctx.serviceName} in your token pack, then sign in again.`
          : 'Ask your administrator for a token pack to set one up, then sign in again.',
      }),
    };
  }
  // 2. The signed Response (recorded together with the skipped second factor).
  const ready = state;
  const now = deps.now();
  const sessionIndex = `_${randomUUID()}`;
  // "Test your setup" answers the built-in test SP instead of the connector's own SP.
  const connector = ready.request.spEntityId === testSp(deps.publicUrl).entityId ? testSpConnector(deps.publicUrl, ctx.connector) : ctx.connector;
  const built = await buildResponse({
    connector,
    signingKey: ctx.signingKey,
    acsUrl: ready.request.acsUrl,
    inResponseTo: ready.request.requestId,
    profile: samlProfileOf(ready.profile, connector),
    authn: { authnInstant: new Date(ready.authnInstant), secondFactorPassed: ready.status === 'ready' && ready.mfa, sessionIndex },
    now,
    ids: { responseId: newSamlId(), assertionId: newSamlId() },
  });
  await deps.handle(
    authenticationDecider,
    stream,
    { type: 'IssueAssertion', responseId: built.responseId, assertionId: built.assertionId ?? built.responseId, sessionIndex, subject: ready.username },
    cmd,
  );
  return { kind: 'html', status: 200, html: renderAutoPostForm(ready.request.acsUrl, built.samlResponse, ready.request.relayState), postTo: ready.request.acsUrl };
}

export { AUTO_POST_SCRIPT_CSP_HASH };
