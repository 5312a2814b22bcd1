import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageScreenshots, VIEWPORTS } from '../browser/launch-browser';
import { freePort } from '../support/start-test-server';

const root = new URL('../..', import.meta.url).pathname;

/**
 * The README's first command without COUNTERSIGN_ADMIN_EMAIL/PASSWORD: the server prints a
 * one-time setup link, and the first owner is created through it in the browser.
 */
describe('first-run setup through the printed link, in headless Chromium', () => {
  let server: ChildProcess;
  let browser: Browser;
  let url: string;
  let setupLink: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, ['--import', 'tsx', join(root, 'api/main.ts')], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', COUNTERSIGN_PUBLIC_URL: url, DATA_DIR: mkdtempSync(join(tmpdir(), 'cs-setup-')), LOG_LEVEL: 'warn', COUNTERSIGN_DEMO_USERS: 'false' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    setupLink = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server printed no setup link')), 60_000);
      createInterface({ input: server.stdout! }).on('line', (line) => {
        const link = /(https?:\/\/\S+\/setup\?token=\S+)/.exec(line)?.[1];
        if (link) {
          clearTimeout(timer);
          resolve(link);
        }
      });
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
  });

  it('asks for matching passwords of 12 characters, creates the owner and signs them in; the link then says setup is done', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(setupLink);
    await page.getByLabel('Email').fill('first.owner@example.test');
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('too short');
    await expect.poll(() => page.getByText('At least 12 characters: 3 more to go.').isVisible()).toBe(true);
    await password.fill('a long enough passphrase');
    await page.getByLabel('Confirm password').fill('a long enough passphrasf');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await expect.poll(() => page.getByText('The passwords do not match.').isVisible()).toBe(true);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('confirm-password');
    await pageScreenshots(page, 'first-run-setup');
    await page.getByLabel('Confirm password').fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Create admin account' }).click();
    await page.waitForURL(`${url}/`);
    await expect.poll(() => page.getByText('first.owner@example.test').first().isVisible()).toBe(true);

    await page.goto(setupLink);
    await expect.poll(() => page.getByRole('heading', { name: 'Setup is complete' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);
});
