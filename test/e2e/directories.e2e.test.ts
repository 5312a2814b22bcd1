import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageScreenshots, screenshot, VIEWPORTS } from '../browser/launch-browser';
import { startTestServer } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

/** A full-page screenshot from the top: taken scrolled, the sticky header and menu land mid-page. */
async function fullPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

describe('Directories page in headless Chromium', () => {
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

  it('manages the built-in template, creates an LDAP connector through the form and shows why its test fails', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign in through the UI and land on Directories.
    await signInAsAdmin(page, `${server.url}/directories`, /\/directories$/);

    // The template every organisation starts with.
    const templateRow = page.getByRole('row', { name: /Built-in directory/ });
    await expect.poll(() => templateRow.isVisible()).toBe(true);
    expect(await templateRow.getByText('Template', { exact: true }).isVisible()).toBe(true);
    expect(await templateRow.getByText(/Edit it to name it/).isVisible()).toBe(true);
    await templateRow.getByRole('link', { name: 'Edit Built-in directory' }).click();
    await page.waitForURL(/\/directories\/[0-9a-f-]{36}$/);
    const users = page.getByRole('table', { name: /Users of this directory/ });
    await expect.poll(() => users.getByRole('row', { name: /alice/ }).isVisible()).toBe(true);

    // Add a user.
    await page.getByRole('button', { name: 'Add user', expanded: false }).click();
    const addForm = page.getByRole('form', { name: 'Add a user' });
    await addForm.getByLabel('Username').fill('dave');
    await addForm.getByLabel('Display name').fill('Dave Example');
    await addForm.getByLabel('Email').fill('dave@example.com');
    await addForm.getByLabel('First password (optional)').fill('a-long-first-password');
    await addForm.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByText('dave was added.').isVisible()).toBe(true);
    await expect.poll(() => users.getByRole('row', { name: /dave/ }).isVisible()).toBe(true);

    // Import a CSV file with one good and one bad row.
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await page
      .getByLabel('…or paste the CSV')
      .fill('username,email,displayName\nerin,erin@example.com,Erin Example\nfrank,not-an-email,Frank Example\n');
    await page.getByRole('button', { name: 'Import users' }).click();
    await expect.poll(() => page.getByText('1 user imported, 1 row not imported.').isVisible()).toBe(true);
    const report = page.getByRole('table', { name: /Import report/ });
    const badRow = report.getByRole('row', { name: /frank/ });
    expect(await badRow.getByRole('cell', { name: '3', exact: true }).isVisible()).toBe(true);
    expect(await badRow.getByText(/email address like name@example\.com/).isVisible()).toBe(true);
    await expect.poll(() => users.getByRole('row', { name: /erin/ }).isVisible()).toBe(true);
    expect(await users.getByRole('row', { name: /frank/ }).count()).toBe(0);
    await pageScreenshots(page, 'directories-builtin-users');

    // A new OpenLDAP connector through the form; the type fills in its attribute mapping.
    await page.getByRole('link', { name: '← Directories' }).click();
    await page.getByRole('link', { name: 'New directory connector' }).click();
    await page.waitForURL(/\/directories\/new$/);
    await page.getByLabel('Name', { exact: true }).fill('Lab OpenLDAP');
    await page.getByLabel('Directory type').selectOption('OPENLDAP');
    await expect.poll(() => page.getByLabel('Login property').inputValue()).toBe('uid');
    expect(await page.getByLabel('ImmutableID source (optional)').inputValue()).toBe('entryUUID');
    await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    await page.getByLabel('Security').selectOption('NONE');
    expect(await page.getByText('Without encryption, users’ passwords cross the network').isVisible()).toBe(true);
    await page.getByLabel('Port').fill('1');
    await page.getByLabel('Base DN').fill('example.com');
    await page.getByLabel('Service account (bind DN)').fill('cn=reader,dc=example,dc=com');
    await page.getByLabel('Service account password').fill('reader-password');
    await page.getByRole('button', { name: 'Create connector' }).click();

    // The server's message shows under the base DN, which gets the focus.
    await expect.poll(() => page.getByText('Write the base DN like ou=People,dc=example,dc=com.').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('baseDn');
    expect(await page.getByLabel('Base DN').getAttribute('aria-invalid')).toBe('true');
    await fullPage(page, 'directories-form-error-laptop');
    await page.getByLabel('Base DN').fill('dc=example,dc=com');
    await page.getByRole('button', { name: 'Create connector' }).click();
    await page.waitForURL(/\/directories\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('“Lab OpenLDAP” was created.').isVisible()).toBe(true);
    expect(await page.getByLabel('Service account password').getAttribute('placeholder')).toBe('Stored — leave empty to keep');
    await pageScreenshots(page, 'directories-edit-ldap');

    // The test shows the failing TCP step and what to do about it.
    await page.getByRole('button', { name: 'Run test' }).click();
    const tcp = page.getByRole('listitem').filter({ hasText: 'TCP connect' });
    await expect.poll(() => tcp.getByText('Nothing accepts connections on 127.0.0.1:1.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await tcp.getByText('Failed', { exact: true }).count()).toBe(1);
    expect(await tcp.getByText(/Check the port \(389 for plain LDAP and StartTLS, 636 for LDAPS\)/).isVisible()).toBe(true);
    await pageScreenshots(page, 'directories-test-failure');

    // The list shows both connectors and the last test; the test dialog opens from the signal action.
    await page.getByRole('link', { name: '← Directories' }).click();
    const labRow = page.getByRole('row', { name: /Lab OpenLDAP/ });
    await expect.poll(() => labRow.getByText('Failed: TCP connect').isVisible()).toBe(true);
    expect(await labRow.getByText('127.0.0.1:1').isVisible()).toBe(true);
    expect(await page.getByRole('row', { name: /Built-in directory/ }).getByRole('cell', { name: '5', exact: true }).isVisible()).toBe(true);
    await pageScreenshots(page, 'directories-list');
    await labRow.getByRole('button', { name: 'Test Lab OpenLDAP' }).click();
    const dialog = page.getByRole('dialog', { name: 'Test “Lab OpenLDAP”' });
    await dialog.getByRole('button', { name: 'Run test' }).click();
    await expect.poll(() => dialog.getByText('How to fix it:').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    expect(errors).toEqual([]);
    await page.close();
  });
});
