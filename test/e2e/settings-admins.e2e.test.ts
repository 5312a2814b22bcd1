import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotDir, VIEWPORTS } from '../browser/launch-browser';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';

const INVITEE = 'audrey.auditor@example.test';
const INVITEE_PASSWORD = 'audrey-reads-the-logs';

/** The sticky header would cover the top of a section scrolled into view for its picture. */
const UNSTICK_HEADER = '.topbar { position: static !important; }';

async function sectionScreenshots(page: Page, section: Locator, name: string) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await section.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), animations: 'disabled', style: UNSTICK_HEADER });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

/** The viewport as it is (a dialog, or a page that fits one screen), at both widths. */
async function viewportScreenshots(page: Page, name: string) {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), animations: 'disabled' });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

describe('Settings › Admins & roles in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    // No SMTP_URL: the invitation lands in DATA_DIR/outbox as an .eml file.
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The invitation link mailed to `to`, read from the outbox like a mail client would. */
  async function mailedLink(to: string): Promise<string> {
    const outbox = join(server.dataDir, 'outbox');
    for (let i = 0; i < 200; i++) {
      const files = await readdir(outbox).catch(() => [] as string[]);
      for (const file of files.filter((f) => f.endsWith('.eml'))) {
        const mail = await PostalMime.parse(await readFile(join(outbox, file)));
        if (mail.to?.[0]?.address === to) return /href="([^"]+\/invitation\/[^"]+)"/.exec(mail.html ?? '')![1]!;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no invitation email to ${to} in the outbox`);
  }

  it('an owner invites an auditor, who joins from the emailed link with a read-only dashboard, and is removed again', async () => {
    const owner = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    owner.on('pageerror', (e) => errors.push(e.message));

    await owner.goto(`${server.url}/settings`);
    await owner.waitForURL(/\/signin/);
    await owner.getByLabel('Email').fill(TEST_ADMIN.email);
    await owner.getByLabel('Password').fill(TEST_ADMIN.password);
    await owner.getByRole('button', { name: /sign in/i }).click();
    await owner.waitForURL(/\/settings$/);
    const section = owner.locator('#admins');
    const ownerRow = section.getByRole('row', { name: new RegExp(TEST_ADMIN.email) });
    await expect.poll(() => ownerRow.isVisible()).toBe(true);
    expect(await ownerRow.getByText('You', { exact: true }).isVisible()).toBe(true);
    expect(await ownerRow.getByText('Setup').isVisible()).toBe(true);

    // Demoting the only owner asks first, and the server's refusal shows in the dialog.
    await ownerRow.getByLabel(`Role of ${TEST_ADMIN.email}`).selectOption('ADMIN');
    const demote = owner.getByRole('alertdialog', { name: 'Make yourself admin?' });
    await demote.getByRole('button', { name: 'Make admin' }).click();
    await expect.poll(() => demote.getByText(/last owner; make another admin an owner first/).isVisible()).toBe(true);
    await demote.getByRole('button', { name: 'Cancel' }).click();
    expect(await ownerRow.getByLabel(`Role of ${TEST_ADMIN.email}`).inputValue()).toBe('OWNER');

    // Invite: a bad address is refused per field; then an auditor is invited.
    await section.getByRole('button', { name: 'Invite admin' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite an admin' });
    await dialog.getByLabel('Email').fill(TEST_ADMIN.email);
    await dialog.getByRole('radio', { name: 'Auditor' }).check();
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => dialog.getByText(/already exists; change their role/).isVisible()).toBe(true);
    await dialog.getByLabel('Email').fill(INVITEE);
    expect(await dialog.getByText('Reads the configuration and the audit history; changes nothing.').isVisible()).toBe(true);
    await viewportScreenshots(owner, 'settings-admins-invite');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => section.getByText(`An invitation was sent to ${INVITEE}`).isVisible()).toBe(true);
    const inviteeRow = section.getByRole('row', { name: new RegExp(INVITEE) });
    await expect.poll(() => inviteeRow.getByText('Invited', { exact: true }).isVisible()).toBe(true);
    expect(await inviteeRow.getByRole('button', { name: `Resend the invitation to ${INVITEE}` }).isVisible()).toBe(true);
    await sectionScreenshots(owner, section, 'settings-admins');

    // The invitee opens the link from the email in a browser of their own.
    const link = await mailedLink(INVITEE);
    const inviteeContext = await browser.newContext({ viewport: VIEWPORTS.laptop });
    const invitee = await inviteeContext.newPage();
    invitee.on('pageerror', (e) => errors.push(e.message));
    await invitee.goto(link);
    await expect.poll(() => invitee.getByRole('heading', { name: /^Join / }).isVisible()).toBe(true);
    expect(await invitee.getByLabel('Email').inputValue()).toBe(INVITEE);
    await viewportScreenshots(invitee, 'admin-invitation');
    await invitee.getByLabel('Choose a password').fill('too-short');
    await invitee.getByLabel('Confirm password').fill('too-short');
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();
    expect(await invitee.getByText('Use at least 12 characters.').isVisible()).toBe(true);
    await invitee.getByLabel('Choose a password').fill(INVITEE_PASSWORD);
    await invitee.getByLabel('Confirm password').fill(INVITEE_PASSWORD);
    await invitee.getByRole('button', { name: 'Set password and sign in' }).click();

    // Signed in on the dashboard as an auditor; Settings is read-only for them.
    await invitee.waitForURL(`${server.url}/`);
    await expect.poll(() => invitee.getByRole('banner').getByText('Auditor', { exact: true }).isVisible()).toBe(true);
    await invitee.goto(`${server.url}/settings`);
    const readOnly = invitee.locator('#admins');
    await expect.poll(() => readOnly.getByRole('row', { name: new RegExp(INVITEE) }).isVisible()).toBe(true);
    expect(await readOnly.getByText('Only owners can invite or remove admins and change roles.').isVisible()).toBe(true);
    expect(await readOnly.getByRole('button', { name: 'Invite admin' }).count()).toBe(0);
    expect(await readOnly.getByRole('combobox').count()).toBe(0);
    expect(await readOnly.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    await sectionScreenshots(invitee, readOnly, 'settings-admins-readonly');

    // The same link a second time says it was used.
    const again = await browser.newPage({ viewport: VIEWPORTS.laptop });
    await again.goto(link);
    await expect.poll(() => again.getByRole('heading', { name: 'This invitation was already used' }).isVisible()).toBe(true);
    expect(await again.getByText('sign in with your email and password').isVisible()).toBe(true);
    await viewportScreenshots(again, 'admin-invitation-used');
    await again.close();

    // The owner sees them active, makes them an admin (no confirmation needed), then removes them.
    await owner.reload();
    const activeRow = section.getByRole('row', { name: new RegExp(INVITEE) });
    await expect.poll(() => activeRow.getByText('Active', { exact: true }).isVisible()).toBe(true);
    await activeRow.getByLabel(`Role of ${INVITEE}`).selectOption('ADMIN');
    await expect.poll(() => section.getByText(`${INVITEE} is now admin.`).isVisible()).toBe(true);
    await activeRow.getByRole('button', { name: `Remove ${INVITEE}` }).click();
    const confirm = owner.getByRole('alertdialog', { name: `Remove ${INVITEE}?` });
    await confirm.getByRole('button', { name: 'Remove admin' }).click();
    await expect.poll(() => section.getByText(`${INVITEE} was removed and signed out.`).isVisible()).toBe(true);
    await expect.poll(() => section.getByRole('row', { name: new RegExp(INVITEE) }).count()).toBe(0);
    await section.getByLabel('Show removed admins').check();
    await expect.poll(() => section.getByRole('row', { name: new RegExp(INVITEE) }).getByText('Removed', { exact: true }).isVisible()).toBe(true);

    // The removed admin's open dashboard is signed out on its next request.
    await invitee.reload();
    await invitee.waitForURL(/\/signin/);
    await inviteeContext.close();
    expect(errors).toEqual([]);
  });
});
