import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEvent } from '../../api/eventstore';
import { launchBrowser, pageScreenshots, screenshotDir, VIEWPORTS } from '../browser/launch-browser';
import { startTestServer } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

const HOUR = 3_600_000;

/** A modal dialog at both widths: the viewport only, since a full-page shot would cut the backdrop off. */
async function dialogScreenshots(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir(), `${name}-laptop.png`), animations: 'disabled' });
  await page.setViewportSize(VIEWPORTS.phone);
  await page.screenshot({ path: join(screenshotDir(), `${name}-phone.png`), animations: 'disabled' });
  await page.setViewportSize(VIEWPORTS.laptop);
}

function event(type: string, at: Date, data: Record<string, unknown>): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { tenantId: 'default', actor: { kind: 'user', id: 'anonymous' }, correlationId: randomUUID(), causationId: randomUUID(), timestamp: at.toISOString(), ip: '198.51.100.7' },
  };
}

/** A device stream as enrolment leaves it: `device-<tenant>-<deviceId>`, so the admin can revoke it. */
function deviceActivated(username: string, name: string): [string, NewEvent[]] {
  const deviceId = randomUUID();
  return [`device-default-${deviceId}`, [event('DeviceActivated', new Date(), {
    deviceId, enrollmentId: randomUUID(), tokenPackId: randomUUID(), directoryConnectorId: 'builtin', username, userKey: `builtin:${username}`, name,
    publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' }, keyThumbprint: `${deviceId.replaceAll('-', '')}`, totpSeed: { v: 1, c: 'sealed' }, email: null,
  })]];
}

describe('Dashboard and Users & Devices in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const append = async (stream: string, events: NewEvent[]) => {
    const { position } = await server.services.store.append(stream, events, 'no_stream');
    await server.services.progress.waitFor(position, 10_000);
  };

  it('shows what is left to set up, the sign-in figures, and lists and revokes devices', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign in and land on the dashboard.
    await signInAsAdmin(page, `${server.url}/`);

    // A fresh organisation: the starter service's first steps are not done, the next one links to its page.
    const checklist = page.getByRole('region', { name: 'Office 365' });
    await expect.poll(() => checklist.getByText('1 of 5 steps done').isVisible()).toBe(true);
    const step = (title: string) => checklist.locator('.checklist-step', { hasText: title });
    expect(await step('Connect a directory').textContent()).toContain('(not done)');
    expect(await step('Set up the SAML connector').textContent()).toContain('contoso.example');
    expect(await step('Set up the SAML connector').textContent()).toContain('(not done)');
    expect(await step('Start the service').textContent()).toContain('(not done)');
    expect(await step('Enable the service in a token pack').textContent()).toContain('(done)');
    expect(await step('Send the token pack').textContent()).toContain('(not done)');
    expect(await checklist.getByRole('link', { name: 'Test the directory' }).getAttribute('href')).toMatch(/^\/directories\/[\w-]+$/);
    expect(await page.getByRole('img', { name: 'Sign-ins per hour, 0 in all' }).isVisible()).toBe(true);
    expect(await page.getByText('No fraud reports.').isVisible()).toBe(true);
    await pageScreenshots(page, 'dashboard-getting-started');

    // Users & Devices before anyone enrolled: the way forward is a token pack.
    await page.getByRole('link', { name: 'Users & Devices' }).click();
    await page.waitForURL(/\/users$/);
    const empty = page.getByText('No one has enrolled a device yet.');
    await expect.poll(() => empty.isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Send a token pack so users can enrol' }).getAttribute('href')).toBe('/token-packs');
    await pageScreenshots(page, 'users-empty');

    // Sign-ins over the last hours, two enrolled users and a fraud report.
    const currentHour = Math.floor(Date.now() / HOUR) * HOUR;
    const at = (hoursAgo: number, minute = 5) => new Date(currentHour - hoursAgo * HOUR + minute * 60_000);
    const signIns: NewEvent[] = [];
    for (const [hoursAgo, approved, denied, expired, failed] of [[0, 3, 0, 0, 1], [2, 6, 1, 0, 2], [5, 4, 0, 1, 0], [9, 8, 1, 1, 3], [14, 2, 0, 0, 1], [20, 5, 0, 0, 0]] as const) {
      for (let i = 0; i < approved; i += 1) signIns.push(event('AssertionIssued', at(hoursAgo, i), { username: 'alice', serviceId: 's1' }));
      for (let i = 0; i < denied; i += 1) signIns.push(event('ChallengeDenied', at(hoursAgo), { challengeId: randomUUID(), signInId: randomUUID(), deviceId: 'd', fraud: false }));
      for (let i = 0; i < expired; i += 1) signIns.push(event('ChallengeExpired', at(hoursAgo), { challengeId: randomUUID(), signInId: randomUUID() }));
      for (let i = 0; i < failed; i += 1) signIns.push(event('PrimaryAuthFailed', at(hoursAgo), { username: 'bob', reason: 'INVALID_CREDENTIALS' }));
    }
    await append(`authentication-default-${randomUUID()}`, signIns);
    await append(`challenge-default-${randomUUID()}`, [
      event('FraudReported', at(2, 30), { challengeId: 'c1', signInId: 's1', deviceId: 'd', userKey: 'builtin:bob', username: 'bob', serviceName: 'Office 365', clientIp: '203.0.113.9', browser: 'Firefox' }),
    ]);
    await append(...deviceActivated('alice', 'Pixel 8'));
    await append(...deviceActivated('alice', 'iPad'));
    await append(...deviceActivated('bob', 'iPhone 15'));

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => page.getByRole('img', { name: 'Sign-ins per hour, 39 in all' }).isVisible()).toBe(true);
    const figure = (label: string) => page.locator('.stat-tile', { hasText: label }).locator('dd').textContent();
    expect(await figure('Enrolled users')).toBe('2');
    expect(await figure('Active devices')).toBe('3');
    expect(await figure('Approved sign-ins')).toBe('28');
    const fraud = page.getByRole('table', { name: /Recent fraud reports/ });
    expect(await fraud.getByRole('row', { name: /bob/ }).getByText('203.0.113.9').isVisible()).toBe(true);
    await pageScreenshots(page, 'dashboard-activity');

    // The devices, newest first; revoking one asks for a reason.
    await page.getByRole('link', { name: 'Users & Devices' }).click();
    const devices = page.getByRole('table', { name: /Enrolled devices/ });
    await expect.poll(() => devices.getByRole('row').count()).toBe(4);
    await page.getByLabel('Username').fill('ALICE');
    await page.getByRole('button', { name: 'Find devices' }).click();
    await page.waitForURL(/\?username=ALICE$/);
    await expect.poll(() => devices.getByRole('row').count()).toBe(3);
    await devices.getByRole('button', { name: 'Revoke Pixel 8 of alice' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Revoke “Pixel 8”?' });
    await dialog.getByLabel('Reason').fill('Phone lost on the train');
    await dialogScreenshots(page, 'users-revoke');
    await dialog.getByRole('button', { name: 'Revoke device' }).click();
    await expect.poll(() => page.getByText('“Pixel 8” of alice was revoked.').isVisible()).toBe(true);
    const revoked = devices.getByRole('row', { name: /Pixel 8/ });
    await expect.poll(() => revoked.getByText('Revoked', { exact: true }).isVisible()).toBe(true);
    expect(await revoked.getByText('You').isVisible()).toBe(true);
    expect(await revoked.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show everyone' }).click();
    await expect.poll(() => devices.getByRole('row').count()).toBe(4);
    await pageScreenshots(page, 'users-devices');

    // The reason reached the audit log.
    await server.readModelsCaughtUp();
    const audit = await server.services.readDb.prepare("SELECT data FROM audit_events WHERE type = 'DeviceRevoked'").pluck().all() as string[];
    expect(audit.some((data) => data.includes('Phone lost on the train'))).toBe(true);
    expect(errors).toEqual([]);
  });
});
