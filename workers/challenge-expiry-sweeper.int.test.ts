import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { streamId } from '../api/commands';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice, setUpPushService } from '../test/support/push-service-setup';
import { SP, USER } from '../test/support/saml-test-setup';
import { formAction, ssoClient } from '../test/support/sso-client';
import { startTestServer } from '../test/support/start-test-server';

/** A push nobody answers is recorded as expired by the workers' sweeper, once, and the waiting page says so. */
describe('the challenge expiry sweeper', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let setup: Awaited<ReturnType<typeof setUpPushService>>;

  beforeAll(async () => {
    server = await startTestServer({ COUNTERSIGN_PUSH_EXPIRY_SECONDS: '10', DATA_DIR: mkdtempSync(join(tmpdir(), 'cs-expiry-')) });
    setup = await setUpPushService(server);
    await enrollDevice(server.url, setup.enrollmentLink, 'Silent phone');
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
