import { join } from 'node:path';
import { SAML } from '@node-saml/node-saml';
import PostalMime from 'postal-mime';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, screenshotDir, VIEWPORTS } from '../browser/launch-browser';
import { startSmtpTestServer, type SmtpTestServer } from '../smtp/start-smtp-test-server';
import { graphqlClient } from '../support/graphql-client';
import { setUpGenericService, SP } from '../support/saml-test-setup';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

const SMTP_PASSWORD = 'e2e-smtp-pa55';
/** A small SVG logo, pasted as a data URL the way an admin without a web host would. */
const LOGO = `data:image/svg+xml;base64,${Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40" viewBox="0 0 160 40"><rect width="40" height="40" rx="8" fill="#7a4e00"/><circle cx="20" cy="20" r="10" fill="#f2c14e"/><text x="50" y="28" font-family="Arial" font-size="22" font-weight="700" fill="#3b2a00">ACME</text></svg>',
).toString('base64')}`;

/** Full-page screenshots from the top at laptop and phone width. */
async function screenshots(page: Page, name: string, locator?: string) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    if (locator) await page.locator(locator).scrollIntoViewIfNeeded();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

/** A section of the page alone, at both widths: clipped from a full-page shot taken from the top, so the sticky header stays out of it. */
async function sectionScreenshots(page: Page, name: string, selector: string) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = (await page.locator(selector).boundingBox())!;
    await page.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), fullPage: true, clip: box, animations: 'disabled' });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

async function dialogScreenshots(page: Page, name: string) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), animations: 'disabled' });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

describe('Settings › Outgoing mail and Themes in headless Chromium', () => {
  let smtp: SmtpTestServer;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let setup: Awaited<ReturnType<typeof setUpGenericService>>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ auth: { user: 'mailer', password: SMTP_PASSWORD } });
    // No SMTP_URL: until the organisation sets its own server, mail goes to the outbox folder.
    server = await startTestServer();
    browser = await launchBrowser();
    const api = graphqlClient(server.url);
    await api.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    setup = await setUpGenericService(api);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.stop();
  });

  it('sets up the SMTP server, sends a test email there, creates themes, sets the default and sees the sign-in page in it', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await signInAsAdmin(page, `${server.url}/settings`, /\/settings$/);

    // Outgoing mail: the outbox is in effect until a server is saved.
    const mail = page.locator('#smtp');
    await expect.poll(() => mail.getByText('Writing mail to the outbox folder (no SMTP configured).').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Themes' }).getAttribute('href')).toBe('#themes');

    await mail.getByLabel('SMTP host', { exact: true }).fill('127.0.0.1');
    await mail.getByLabel('Security', { exact: true }).selectOption('NONE');
    expect(await mail.getByText(/Without encryption, the password and every email/).isVisible()).toBe(true);
    await mail.getByLabel('Port', { exact: true }).fill(String(smtp.port));
    await mail.getByLabel('Username (optional)', { exact: true }).fill('mailer');
    await mail.getByLabel('Password', { exact: true }).fill(SMTP_PASSWORD);
    // A typo first: the server's message appears under the field.
    await mail.getByLabel('From address', { exact: true }).fill('it-help at example.test');
    await mail.getByLabel('Sender name (optional)', { exact: true }).fill('Acme IT');
    await mail.getByRole('button', { name: 'Save mail settings' }).click();
    await expect.poll(() => mail.getByText(/Give a plain email address like it-help@example.com/).isVisible()).toBe(true);
    await mail.getByLabel('From address', { exact: true }).fill('it-help@example.test');
    await mail.getByRole('button', { name: 'Save mail settings' }).click();
    await expect.poll(() => mail.getByText(`Using your server 127.0.0.1:${smtp.port}.`, { exact: true }).isVisible()).toBe(true);
    expect(await mail.getByLabel('Password', { exact: true }).getAttribute('placeholder')).toBe('Stored — leave empty to keep it');

    await mail.getByLabel('Send the test to', { exact: true }).fill('admin@example.test');
    await mail.getByRole('button', { name: 'Send test email' }).click();
    await expect.poll(() => mail.getByText('Test email sent').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await mail.getByText(`127.0.0.1:${smtp.port} accepted the test email to admin@example.test.`, { exact: false }).isVisible()).toBe(true);
    const [received] = await smtp.readMessages();
    expect(received).toMatchObject({ user: 'mailer', envelope: { to: ['admin@example.test'] } });
    expect((await PostalMime.parse(received!.raw)).from).toEqual({ name: 'Acme IT', address: 'it-help@example.test' });
    await sectionScreenshots(page, 'settings-mail', '#smtp');

    // Clearing asks first; cancel keeps the settings.
    await mail.getByRole('button', { name: 'Use the server’s default' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Use the server’s default mail settings?' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await mail.getByText(`Using your server 127.0.0.1:${smtp.port}.`, { exact: true }).isVisible()).toBe(true);

    // Themes: the first becomes the default; a second one is made the default.
    const themes = page.locator('#themes');
    await expect.poll(() => themes.getByText(/No themes yet/).isVisible()).toBe(true);
    await themes.getByRole('button', { name: 'New theme' }).click();
    const dialog = page.getByRole('dialog', { name: 'New theme' });
    await dialog.getByLabel('Name', { exact: true }).fill('Night');
    await dialog.getByLabel('Primary colour', { exact: true }).fill('#101820');
    await dialog.getByLabel('Accent colour', { exact: true }).fill('#3a7bd5');
    await dialog.getByRole('button', { name: 'Create theme' }).click();
    await expect.poll(() => themes.getByRole('listitem', { name: 'Night' }).getByText('Default', { exact: true }).isVisible()).toBe(true);

    await themes.getByRole('button', { name: 'New theme' }).click();
    await dialog.getByLabel('Name', { exact: true }).fill('Acme gold');
    await dialog.getByLabel('Primary colour', { exact: true }).fill('#f2c14e');
    await dialog.getByLabel('Accent colour', { exact: true }).fill('#7a4e00');
    await dialog.getByLabel('Logo URL (optional)', { exact: true }).fill(LOGO);
    const preview = dialog.getByRole('figure', { name: 'Preview of the sign-in page' });
    await expect.poll(() => preview.getByText(/Button text dark/).isVisible()).toBe(true);
    expect(await preview.getByRole('img', { name: 'Logo' }).isVisible()).toBe(true);
    await dialogScreenshots(page, 'settings-theme-dialog');
    await dialog.getByRole('button', { name: 'Create theme' }).click();
    const gold = themes.getByRole('listitem', { name: 'Acme gold' });
    await expect.poll(() => gold.isVisible()).toBe(true);
    expect(await gold.getByText('Default', { exact: true }).count()).toBe(0);
    await gold.getByRole('button', { name: 'Make default' }).click();
    await expect.poll(() => gold.getByText('Default', { exact: true }).isVisible()).toBe(true);
    expect(await themes.getByRole('listitem', { name: 'Night' }).getByText('Default', { exact: true }).count()).toBe(0);
    // The default of several cannot be deleted from the list; another theme can, after a confirmation.
    expect(await gold.getByRole('button', { name: 'Delete Acme gold' }).count()).toBe(0);
    await themes.getByRole('button', { name: 'Delete Night' }).click();
    await page.getByRole('alertdialog', { name: 'Delete “Night”?' }).getByRole('button', { name: 'Cancel' }).click();
    await sectionScreenshots(page, 'settings-themes', '#themes');

    // The sign-in page users see now wears the default theme.
    const provider = new SAML({ callbackUrl: SP.acsUrl, entryPoint: setup.service.ssoUrl, issuer: SP.entityId, audience: SP.entityId, idpCert: setup.connector.signingCertificate.certificatePem });
    const user = await browser.newPage({ viewport: VIEWPORTS.laptop });
    await user.goto(await provider.getAuthorizeUrlAsync('', undefined, {}));
    await user.waitForURL(/\/signin\//);
    const button = user.getByRole('button', { name: 'Sign in' });
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(242, 193, 78)');
    expect(await button.evaluate((b) => getComputedStyle(b).color)).toBe('rgb(17, 17, 17)');
    const logo = user.getByRole('img', { name: 'Logo' });
    expect(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await screenshots(user, 'sign-in-themed');
    await user.close();

    // A token pack can copy a theme's colours and logo into its own fields (saved only with the pack).
    await page.goto(`${server.url}/token-packs`);
    await page.getByRole('row', { name: /Default token pack/ }).getByRole('link', { name: 'Edit Default token pack' }).click();
    const info = page.getByRole('form', { name: 'Token pack settings' });
    await info.getByLabel('Start from theme').selectOption({ label: 'Acme gold (default)' });
    expect(await info.getByLabel('Primary colour', { exact: true }).inputValue()).toBe('#f2c14e');
    expect(await info.getByLabel('Accent colour', { exact: true }).inputValue()).toBe('#7a4e00');
    expect(await info.getByLabel('Logo URL (optional)', { exact: true }).inputValue()).toBe(LOGO);
    expect(await info.getByText('Copied the colours and logo of “Acme gold”; save to keep them.').isVisible()).toBe(true);
    await info.getByLabel('Start from theme').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir(), 'token-packs-start-from-theme-laptop.png'), animations: 'disabled' });

    expect(errors).toEqual([]);
    await page.close();
  });
});
