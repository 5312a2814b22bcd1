import { sign, type KeyObject } from 'node:crypto';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { launchBrowser, screenshot, VIEWPORTS } from '../../test/browser/launch-browser';
import { enrollDevice, setUpPushService } from '../../test/support/push-service-setup';
import { SP, USER } from '../../test/support/saml-test-setup';
import { startTestServer } from '../../test/support/start-test-server';
import { challengeAnswerPayload, channelProofPayload, type ChallengeDecision } from '../domain/device';

const signWith = (key: KeyObject, payload: string) => sign('sha256', Buffer.from(payload), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');

describe('the waiting page in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let setup: Awaited<ReturnType<typeof setUpPushService>>;
  let device: Awaited<ReturnType<typeof enrollDevice>>;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    setup = await setUpPushService(server);
    device = await enrollDevice(server.url, setup.enrollmentLink, 'E2E phone');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the number, updates live when the device approves, and posts the multi-factor Response to the SP', async () => {
    // The device's live channel.
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/device/channel`);
    const challenges: { challengeId: string; numberChoices: number[] }[] = [];
    ws.on('message', (data) => {
      const m = JSON.parse(data.toString()) as { type: string; nonce?: string; challenge?: { challengeId: string; numberChoices: number[] } };
      if (m.type === 'hello') ws.send(JSON.stringify({ type: 'auth', deviceId: device.deviceId, signature: signWith(device.privateKey, channelProofPayload(device.deviceId, m.nonce!)) }));
      if (m.type === 'challenge') challenges.push(m.challenge!);
    });
    await new Promise((r) => ws.once('message', r));

    const page = await browser.newPage({ viewport: VIEWPORTS.phone });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    let posted = '';
    await page.route(SP.acsUrl, async (route) => {
      posted = route.request().postData() ?? '';
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>signed in at the SP</p>' });
    });
    const provider = new SAML({
      callbackUrl: SP.acsUrl, entryPoint: setup.service.ssoUrl, issuer: SP.entityId, audience: SP.entityId, idpCert: setup.connector.signingCertificate.certificatePem,
      idpIssuer: setup.connector.issuer, wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: ValidateInResponseTo.always,
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });
    await page.goto(await provider.getAuthorizeUrlAsync('', undefined, {}));
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/approve$/);
    const number = Number(await page.locator('#number').textContent());
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Waiting for your approval/);
    await screenshot(page, 'push-approval-waiting-phone');

    await expect.poll(() => challenges.length).toBe(1);
    const { challengeId } = challenges[0]!;
    expect(challenges[0]!.numberChoices).toContain(number);
    const decision: ChallengeDecision = 'approve';
    const answer = await fetch(`${server.url}/api/challenges/${challengeId}/answer`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: device.deviceId, decision, number, signature: signWith(device.privateKey, challengeAnswerPayload({ challengeId, decision, number })) }),
    });
    expect(await answer.json()).toEqual({ status: 'APPROVED' });

    // No reload, no polling: the stream tells the page, which continues to the SP by itself.
    await expect.poll(() => posted, { timeout: 10_000 }).toContain('SAMLResponse=');
    const samlResponse = new URLSearchParams(posted).get('SAMLResponse')!;
    await provider.validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(Buffer.from(samlResponse, 'base64').toString()).toContain('https://refeds.org/profile/mfa');
    expect(problems).toEqual([]);
    ws.close();
  });
});
