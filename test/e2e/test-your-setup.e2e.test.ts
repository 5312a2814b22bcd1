import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, VIEWPORTS } from '../browser/launch-browser';
import { graphqlClient } from '../support/graphql-client';
import { setUpGenericService, USER } from '../support/saml-test-setup';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';

describe('Test your setup in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await setUpGenericService(await (async () => {
      const admin = graphqlClient(server.url);
      await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
      return admin;
    })());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs a user in to the built-in test application from the Services page', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('Email').fill(TEST_ADMIN.email);
    await page.getByLabel('Password').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/services`);
    const card = page.locator('article', { hasText: 'Test app' });
    const [popup] = await Promise.all([context.waitForEvent('page'), card.getByRole('link', { name: 'Test your setup' }).click()]);
    await popup.waitForLoadState();
    await popup.getByLabel('Username').fill(USER.username);
    await popup.getByLabel('Password').fill(USER.password);
    await screenshot(popup, 'test-your-setup-signin-laptop');
    await popup.getByRole('button', { name: 'Sign in' }).click();
    await popup.waitForURL(/\/test-sp\/acs$/);
    await expect.poll(() => popup.getByRole('heading', { name: 'Your set-up works' }).isVisible()).toBe(true);
    expect(await popup.content()).toContain(USER.email);
    await screenshot(popup, 'test-your-setup-result-laptop');
    await popup.setViewportSize(VIEWPORTS.phone);
    await screenshot(popup, 'test-your-setup-result-phone');
    expect(errors).toEqual([]);
    await context.close();
  });
});
