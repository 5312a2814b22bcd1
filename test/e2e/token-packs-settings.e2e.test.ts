import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageScreenshots, screenshot, screenshotDir, VIEWPORTS } from '../browser/launch-browser';
import { startTestServer } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

/** A full-page screenshot from the top: taken scrolled, the sticky header and menu land mid-page. */
async function fullPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** A modal dialog at both widths: the viewport only, since a full-page shot would cut the backdrop off. */
async function dialogScreenshots(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir(), `${name}-laptop.png`), animations: 'disabled' });
  await page.setViewportSize(VIEWPORTS.phone);
  await page.screenshot({ path: join(screenshotDir(), `${name}-phone.png`), animations: 'disabled' });
  await page.setViewportSize(VIEWPORTS.laptop);
}

describe('Token Packs, Settings and the audit filters in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    // No SMTP_URL: mail goes to DATA_DIR/outbox, and sends turn SENT once written there.
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('edits the template pack, trusts a network, sends it, issues an API key and follows it all in the audit', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // Sign in through the UI and land on Token Packs.
    await signInAsAdmin(page, `${server.url}/token-packs`, /\/token-packs$/);

    // The template pack every organisation starts with, and its INFO tab.
    const templateRow = page.getByRole('row', { name: /Default token pack/ });
    await expect.poll(() => templateRow.isVisible()).toBe(true);
    expect(await templateRow.getByText('Template', { exact: true }).isVisible()).toBe(true);
    expect(await templateRow.getByText('1 of 1 enabled').isVisible()).toBe(true);
    expect(await templateRow.getByRole('button', { name: 'Send Default token pack' }).isVisible()).toBe(true);
    await templateRow.getByRole('link', { name: 'Edit Default token pack' }).click();
    await page.waitForURL(/\/token-packs\?pack=[0-9a-f-]{36}$/);
    const infoTab = page.getByRole('tab', { name: 'Info' });
    await expect.poll(() => infoTab.getAttribute('aria-selected')).toBe('true');
    const settings = page.getByRole('form', { name: 'Token pack settings' });
    expect(await settings.getByLabel('Primary directory').locator('option:checked').textContent()).toBe('Built-in directory');
    expect(await page.getByRole('figure', { name: 'Preview of the token pack email' }).getByText('Default token pack').isVisible()).toBe(true);

    // Toggle the service off and on again with its power-plug button.
    const plug = page.getByRole('button', { name: 'Use Office 365 with this pack' });
    expect(await plug.getAttribute('aria-pressed')).toBe('true');
    await plug.click();
    await expect.poll(() => plug.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.getByText('0 of 1 on.').isVisible()).toBe(true);
    await plug.click();
    await expect.poll(() => plug.getAttribute('aria-pressed')).toBe('true');

    // A new accent colour shows in the preview at once and is saved.
    await settings.getByLabel('Accent colour', { exact: true }).fill('#0b7a43');
    expect(await page.getByText('Open on this phone', { exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 122, 67)');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Saved.', { exact: true }).isVisible()).toBe(true);
    await pageScreenshots(page, 'token-packs-info');

    // TRUSTED NETWORKS: the server's message for a bad range shows under the range, then a good one is added.
    await page.getByRole('tab', { name: 'Trusted networks' }).click();
    await page.waitForURL(/tab=networks/);
    const addForm = page.getByRole('form', { name: 'Add a trusted network' });
    await addForm.getByLabel('Name', { exact: true }).fill('Head office');
    await addForm.getByLabel('Address or CIDR range').fill('10.0.0.0/33');
    await addForm.getByRole('button', { name: 'Add network' }).click();
    await expect.poll(() => addForm.getByText('An IPv4 prefix length is at most 32.').isVisible()).toBe(true);
    expect(await addForm.getByLabel('Address or CIDR range').getAttribute('aria-invalid')).toBe('true');
    await fullPage(page, 'token-packs-network-error-laptop');
    await addForm.getByLabel('Address or CIDR range').fill('10.1.2.3/16');
    await addForm.getByLabel('Description (optional)').fill('Wi-Fi and wired, building A');
    await addForm.getByRole('button', { name: 'Add network' }).click();
    const networks = page.getByRole('table', { name: /Trusted networks of/ });
    // Stored in canonical form: host bits cleared.
    await expect.poll(() => networks.getByRole('row', { name: /Head office/ }).getByText('10.1.0.0/16').isVisible()).toBe(true);
    await pageScreenshots(page, 'token-packs-networks');

    // Send the pack to two addresses; both become SENT (outbox mode).
    await page.getByRole('button', { name: 'Send', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Send “Default token pack”' });
    await dialog.getByLabel('Email addresses').fill('ann@example.com,\nben@example.com');
    await dialog.getByLabel('Link works for (days, optional)').fill('7');
    await dialog.getByRole('button', { name: 'Send 2 emails' }).click();
    const sent = dialog.getByRole('table', { name: /just sent/ });
    for (const email of ['ann@example.com', 'ben@example.com']) {
      await expect.poll(() => sent.getByRole('row', { name: new RegExp(email) }).getByText('Sent', { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);
    }
    expect(await dialog.getByText('All 2 emails were sent.').isVisible()).toBe(true);
    await dialogScreenshots(page, 'token-packs-send');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const recent = page.getByRole('table', { name: /Recent emails of/ });
    await expect.poll(() => recent.getByRole('row', { name: /ann@example\.com/ }).getByText('Sent', { exact: true }).isVisible()).toBe(true);
    const outbox = (await readdir(join(server.dataDir, 'outbox'))).filter((name) => name.endsWith('.eml'));
    expect(outbox).toHaveLength(2);
    const mail = await readFile(join(server.dataDir, 'outbox', outbox[0]!), 'utf8');
    expect(mail).toMatch(/^To: (ann|ben)@example\.com/m);

    // The list shows the last send.
    await page.getByRole('link', { name: '← Token packs' }).click();
    await expect.poll(() => templateRow.getByText('Sent', { exact: true }).isVisible()).toBe(true);
    await pageScreenshots(page, 'token-packs-list');

    // Settings: create an API key and see its token once.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    expect(await page.getByLabel('Wrong passwords allowed').inputValue()).toBe('10');
    expect(await page.getByText('The event store keeps every event').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'New API key' }).click();
    const keyDialog = page.getByRole('dialog', { name: 'New API key' });
    await keyDialog.getByLabel('Name').fill('SIEM export');
    await keyDialog.getByLabel('Read the audit history').check();
    await keyDialog.getByLabel('Read configuration').check();
    await keyDialog.getByRole('button', { name: 'Create API key' }).click();
    const tokenDialog = page.getByRole('alertdialog', { name: 'API key “SIEM export” created' });
    await expect.poll(() => tokenDialog.getByText('Copy the token now: you will not see it again').isVisible()).toBe(true);
    const token = await tokenDialog.getByLabel('API key token').textContent();
    expect(token).toMatch(/^cs_/);
    expect(await tokenDialog.getByRole('button', { name: 'Copy token' }).isVisible()).toBe(true);
    await dialogScreenshots(page, 'settings-api-key-token');
    await tokenDialog.getByRole('button', { name: 'I have stored the token' }).click();
    const keyRow = page.getByRole('row', { name: /SIEM export/ });
    await expect.poll(() => keyRow.getByText('Active', { exact: true }).isVisible()).toBe(true);
    expect(await keyRow.getByText('AUDIT_READ').isVisible()).toBe(true);
    // Shown once: the token is nowhere on the page any more.
    expect(await page.getByText(token!).count()).toBe(0);
    // The key works as a bearer token.
    const withKey = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ auditRetentionDays }' }),
    });
    expect(((await withKey.json()) as { errors?: unknown }).errors).toBeUndefined();
    await pageScreenshots(page, 'settings');

    // Audit: filter by category tokenPack, expand a row's timeline, and export what is shown.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/audit$/);
    const filters = page.getByRole('form', { name: 'Audit filters' });
    await filters.getByLabel('Category').selectOption('tokenPack');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/\/audit\?category=tokenPack$/);
    const table = page.getByRole('table', { name: 'Audit events, newest first' });
    await expect.poll(() => table.getByText('Token pack email sent to ann@example.com').isVisible()).toBe(true);
    const categories = await table.locator('td[data-label="Category"]').allTextContents();
    expect(categories.length).toBeGreaterThan(4);
    expect(new Set(categories)).toEqual(new Set(['tokenPack']));
    await table.getByRole('button', { name: /Show details of TokenPackEmailSent/ }).first().click();
    const timeline = page.getByRole('list', { name: /Timeline of request/ });
    // The whole send: two emails queued by the admin, two sent by the mail worker.
    await expect.poll(() => timeline.getByRole('listitem').count()).toBe(4);
    expect(await timeline.getByText('Token pack email queued for ann@example.com').isVisible()).toBe(true);
    expect(await timeline.getByText('This event').isVisible()).toBe(true);
    await pageScreenshots(page, 'audit-filters');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csvFile = await download;
    expect(csvFile.suggestedFilename()).toMatch(/^countersign-audit-.*\.csv$/);
    const csv = await readFile((await csvFile.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('occurred_at');
    expect(csv).toContain('TokenPackEmailSent');
    expect(csv).not.toContain('ApiKeyIssued');
    await expect.poll(() => page.getByText(/^Saved countersign-audit-/).isVisible()).toBe(true);

    expect(errors).toEqual([]);
    await page.close();
  });
});
