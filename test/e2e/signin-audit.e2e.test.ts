import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, VIEWPORTS } from '../browser/launch-browser';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';

describe('dashboard in headless Chromium', () => {
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

  it('signs in, shows the audit history, and adds a new event live without a reload', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${server.url}/audit`);
    await page.waitForURL(/\/signin/);
    await page.getByLabel('Email').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill('wrong-password-here');
    await page.getByRole('button', { name: /sign in/i }).click();
    await expect.poll(() => page.getByText('The email or password is not correct.').isVisible()).toBe(true);
    await screenshot(page, 'signin-error-laptop');

    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(/\/audit$/);
    await expect.poll(() => page.getByText(`Admin ${TEST_ADMIN.email} signed in`).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(`Failed admin sign-in for ${TEST_ADMIN.email} (wrong password)`).first().isVisible()).toBe(true);
    for (const section of ['Dashboard', 'Directories', 'Services', 'Token Packs', 'Users & Devices', 'Audit', 'Settings']) {
      expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: section }).count()).toBeGreaterThan(0);
    }

    // A change made elsewhere appears through the live subscription.
    await server.services.apiKeys.issue('Live from elsewhere', ['audit:read'], {
      tenantId: 'default', actor: { kind: 'system', id: 'e2e' }, correlationId: 'c', causationId: 'c',
    });
    await expect.poll(() => page.getByText('API key "Live from elsewhere" issued').first().isVisible(), { timeout: 10_000 }).toBe(true);
    await screenshot(page, 'audit-laptop');

    await page.setViewportSize(VIEWPORTS.phone);
    await screenshot(page, 'audit-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves the sign-in page and deep links from the same process', async () => {
    const res = await fetch(`${server.url}/signin`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
