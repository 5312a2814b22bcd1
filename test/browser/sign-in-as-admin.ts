import type { Page } from 'playwright-core';
import { TEST_ADMIN } from '../support/start-test-server';

/**
 * Opens `url` signed out, which leads to the sign-in page, signs in there as the test server's
 * admin, and waits to land on `landing` (by default `url` itself).
 */
export async function signInAsAdmin(page: Page, url: string, landing: RegExp | string = url): Promise<void> {
  await page.goto(url);
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email').fill(TEST_ADMIN.email);
  await page.getByLabel('Password').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(landing);
}
