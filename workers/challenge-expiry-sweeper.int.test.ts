import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamId } from '../api/commands';
import { ENROLLMENT_URL_SEAL_CONTEXT, type TokenPackEvent } from '../api/domain/token-pack';
import { graphqlClient } from '../test/support/graphql-client';
import { setUpGenericService, SP, USER } from '../test/support/saml-test-setup';
import { formAction, ssoClient } from '../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../test/support/start-test-server';

/** A push nobody answers is recorded as expired by the workers' sweeper, once, and the waiting page says so. */
describe('the challenge expiry sweeper', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let setup: Awaited<ReturnType<typeof setUpGenericService>>;

  beforeAll(async () => {
    server = await startTestServer({ COUNTERSIGN_PUSH_EXPIRY_SECONDS: '10', DATA_DIR: mkdtempSync(join(tmpdir(), 'cs-expiry-')) });
    const admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    setup = await setUpGenericService(admin);
    await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', { id: setup.service.id, i: { secondFactor: 'REQUIRED' } });
    const pack = (await admin.request<{ createTokenPack: { id: string } }>('mutation($i: TokenPackInput!) { createTokenPack(input: $i) { id } }', { i: { name: 'Phones', primaryDirectoryId: setup.directoryId } })).data!.createTokenPack;
    await admin.request('mutation($p: ID!, $i: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $p, input: $i) { id } }', { p: pack.id, i: { name: 'Loopback', cidr: '127.0.0.1/32' } });
    await admin.request('mutation($p: ID!, $s: ID!) { setTokenPackService(tokenPackId: $p, serviceId: $s, enabled: true) { id } }', { p: pack.id, s: setup.service.id });
    await admin.request('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: pack.id, e: [USER.email] });
    // A device enrolled over the authenticator API (trusted network: activated at once), never answering.
    const events = (await server.services.store.readStream(streamId('tokenPack', server.services.config.COUNTERSIGN_DEFAULT_TENANT, pack.id))) as unknown as TokenPackEvent[];
    const send = events.find((e): e is Extract<TokenPackEvent, { type: 'TokenPackSendRequested' }> => e.type === 'TokenPackSendRequested')!;
    const link = server.services.sealer.unseal(send.data.enrollmentUrl, ENROLLMENT_URL_SEAL_CONTEXT);
    const post = async <T>(path: string, body: unknown, headers: Record<string, string> = {}) =>
      (await (await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })).json()) as T;
    const started = await post<{ enrollmentId: string; enrollmentKey: string }>('/api/enroll', { link });
    const auth = { authorization: `Enrollment ${started.enrollmentKey}` };
    const signedIn = await post<{ activationCode: string }>(`/api/enroll/${started.enrollmentId}/sign-in`, { username: USER.username, password: USER.password }, auth);
    const publicKeyJwk = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ format: 'jwk' });
    await post(`/api/enroll/${started.enrollmentId}/activate`, { code: signedIn.activationCode, publicKeyJwk, deviceName: 'Silent phone' }, auth);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('records ChallengeExpired once after the expiry, and the waiting page says the request expired', async () => {
    const provider = new SAML({
      callbackUrl: SP.acsUrl, entryPoint: setup.service.ssoUrl, issuer: SP.entityId, audience: SP.entityId, idpCert: setup.connector.signingCertificate.certificatePem,
      idpIssuer: setup.connector.issuer, wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: ValidateInResponseTo.always,
    });
    const browser = ssoClient(server.url);
    const start = await browser.get(await provider.getAuthorizeUrlAsync('', undefined, {}));
    const page = await (await browser.get(start.headers.get('location')!)).text();
    const answer = await browser.postForm(formAction(page)!, { username: USER.username, password: USER.password });
    const approve = answer.headers.get('location')!;
    expect(approve).toMatch(/\/approve$/);
    await server.readModelsCaughtUp();
    const challenge = server.services.readDb.prepare("SELECT tenant_id, id FROM push_challenges WHERE status = 'PENDING'").get() as { tenant_id: string; id: string };
    expect(challenge).toBeDefined();

    const status = () => server.services.readDb.prepare('SELECT status FROM push_challenges WHERE id = ?').pluck().get(challenge.id);
    // 10 s to answer, then the sweeper's margin of a second and its one-second rounds.
    await expect.poll(status, { timeout: 20_000, interval: 250 }).toBe('EXPIRED');
    const stream = await server.services.store.readStream(streamId('challenge', challenge.tenant_id, challenge.id));
    expect(stream.map((e) => e.type)).toEqual(['PushChallengeIssued', 'ChallengeExpired']);
    expect(stream[1]!.metadata.actor).toEqual({ kind: 'system', id: 'push-worker' });
    expect(Date.parse(stream[1]!.recordedAt)).toBeGreaterThanOrEqual(Date.parse((stream[0]!.data as { expiresAt: string }).expiresAt));

    // A few more sweeps change nothing.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await server.services.store.readStream(streamId('challenge', challenge.tenant_id, challenge.id))).length).toBe(2);
    expect(await (await browser.get(approve)).text()).toContain('The request expired before it was answered.');
  }, 40_000);
});
