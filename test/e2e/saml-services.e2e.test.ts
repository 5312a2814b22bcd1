import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageScreenshots, screenshot, screenshotDir, VIEWPORTS } from '../browser/launch-browser';
import { SP_REQUEST_SIGNER } from '../saml/fixtures/test-keys';
import { startTestServer } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

/**
 * Entra ID only takes https:// sign-in URLs, so the federation script is refused on a plain
 * http:// public URL. The server still listens on loopback http; only the URLs it hands out
 * (and writes into the script) use this address, as behind a TLS-terminating proxy.
 */
const PUBLIC_URL = 'https://sso.example.test';

/** A full-page screenshot from the top: taken scrolled, the sticky header and menu land mid-page. */
async function fullPage(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** The sticky header would cover the top of a section scrolled into view for its picture. */
const UNSTICK_HEADER = '.topbar { position: static !important; }';

/** Saves one section of the page at laptop and phone width. */
async function sectionScreenshots(page: Page, section: Locator, name: string) {
  for (const [width, viewport] of [['laptop', VIEWPORTS.laptop], ['phone', VIEWPORTS.phone]] as const) {
    await page.setViewportSize(viewport);
    await section.screenshot({ path: join(screenshotDir(), `${name}-${width}.png`), animations: 'disabled', style: UNSTICK_HEADER });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

describe('SAML connectors and Services in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer({ COUNTERSIGN_PUBLIC_URL: PUBLIC_URL });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('federates the Office 365 template with a generated script, then starts and stops its service', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAsAdmin(page, `${server.url}/connectors/saml`, /\/connectors\/saml$/);

    // The template every organisation starts with, used by the template service.
    const templateRow = page.getByRole('row', { name: /Office 365/ });
    await expect.poll(() => templateRow.isVisible()).toBe(true);
    expect(await templateRow.getByText('Template', { exact: true }).isVisible()).toBe(true);
    expect(await templateRow.getByText(/expires in \d+ days/).isVisible()).toBe(true);
    expect(await templateRow.getByRole('link', { name: 'Office 365', exact: true }).count()).toBe(2);
    await pageScreenshots(page, 'saml-list');

    // Edit it: the domain and a unique Issuer; every field explains itself in a tip.
    await templateRow.getByRole('link', { name: 'Edit Office 365' }).click();
    await page.waitForURL(/\/connectors\/saml\/[0-9a-f-]{36}$/);
    const issuer = `${PUBLIC_URL}/idp/${randomUUID()}`;
    const domain = page.getByLabel('Federated domain', { exact: true });
    await domain.fill('contoso.example');
    await page.getByLabel('Issuer URI', { exact: true }).fill(issuer);
    await page.getByRole('button', { name: 'About Federated domain' }).click();
    const tip = page.getByRole('tooltip').filter({ hasText: 'Microsoft 365 admin center under Settings › Domains' });
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect((await domain.getAttribute('aria-describedby'))?.split(' ')).toContain(await tip.getAttribute('id'));
    await pageScreenshots(page, 'saml-office365-form');
    // Escape closes the tip (the pointer moved off first: hovering the icon shows it again).
    await page.mouse.move(1, 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Saved.', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.issuer-line').textContent()).toContain(issuer);
    expect(await page.getByText('Template', { exact: true }).count()).toBe(0);
    const certificates = page.getByRole('region', { name: 'Signing certificates' });
    const current = certificates.getByRole('region', { name: 'Current' });
    await current.getByRole('button', { name: /^Copy base64/ }).click();
    await expect.poll(() => current.getByText('Copied', { exact: true }).isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^MII[A-Za-z0-9+/]+=*$/);
    await sectionScreenshots(page, certificates, 'saml-certificates');

    // GENERATE SCRIPT: Microsoft Graph PowerShell, with the Issuer and the service's sign-in URL.
    const script = page.locator('#script');
    expect(await script.getByLabel(/Legacy MSOnline \(retired/).isVisible()).toBe(true);
    await script.getByLabel(/Federate the domain \(Microsoft Graph PowerShell\)/).check();
    await script.getByRole('button', { name: 'Generate script' }).click();
    const code = script.getByRole('region', { name: 'federate.ps1' });
    await expect.poll(() => code.isVisible()).toBe(true);
    const text = (await code.textContent()) ?? '';
    expect(text).toContain(issuer);
    const ssoUrl = new RegExp(`${PUBLIC_URL.replaceAll('.', '\\.')}/saml/[0-9a-f-]{36}/sso`).exec(text)?.[0];
    expect(ssoUrl).toBeDefined();
    expect(await script.getByText(/still the placeholder contoso\.example/).isVisible()).toBe(true);
    expect(await script.getByText(/is stopped: start it before running the script/).isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), script.getByRole('button', { name: 'Download federate.ps1' }).click()]);
    expect(download.suggestedFilename()).toBe('federate.ps1');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toContain(issuer);
    await sectionScreenshots(page, script, 'saml-script');

    // Services: the template service, stopped; it cannot start without a directory.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.waitForURL(/\/services$/);
    const card = page.getByRole('article', { name: 'Office 365' });
    await expect.poll(() => card.getByText('Stopped', { exact: true }).isVisible()).toBe(true);
    expect(await card.getByText(ssoUrl!, { exact: true }).isVisible()).toBe(true);
    await pageScreenshots(page, 'services-list');
    await card.getByRole('link', { name: 'Edit Office 365' }).click();
    await page.waitForURL(/\/services\/[0-9a-f-]{36}$/);
    const directory = page.getByLabel('Directory connector', { exact: true });
    await expect.poll(() => directory.locator('option').count()).toBeGreaterThan(1);
    await directory.selectOption({ label: 'No directory connector chosen' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Saved.', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Start Office 365' }).click();
    await expect.poll(() => page.getByText('Choose the directory users sign in against before starting the service.').isVisible()).toBe(true);

    // Pick the template directory, then start: STARTED.
    await directory.selectOption({ label: 'Built-in directory' });
    expect(await page.getByRole('link', { name: 'Edit directory connector Built-in directory' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText('Saved.', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Start Office 365' }).click();
    const status = page.getByRole('region', { name: 'Status' });
    await expect.poll(() => status.getByText('Started', { exact: true }).isVisible()).toBe(true);
    await pageScreenshots(page, 'services-edit');

    // A running service cannot be deleted: the server says so.
    await page.getByRole('button', { name: 'Delete service' }).click();
    const deleteDialog = page.getByRole('alertdialog', { name: 'Delete “Office 365”?' });
    await deleteDialog.getByRole('button', { name: 'Delete service' }).click();
    await expect.poll(() => deleteDialog.getByText('This service is running; stop it before deleting it.').isVisible()).toBe(true);
    await deleteDialog.getByRole('button', { name: 'Cancel' }).click();

    // Stop it, after the confirmation.
    await page.getByRole('button', { name: 'Stop Office 365' }).click();
    const stopDialog = page.getByRole('alertdialog', { name: 'Stop “Office 365”?' });
    expect(await stopDialog.getByText(/users of this application will not be able to sign in/i).isVisible()).toBe(true);
    await stopDialog.getByRole('button', { name: 'Stop service' }).click();
    await expect.poll(() => status.getByText('Stopped', { exact: true }).isVisible()).toBe(true);
    expect(await stopDialog.count()).toBe(0);

    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a generic SAML connector from pasted service provider metadata', async () => {
    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAsAdmin(page, `${server.url}/connectors/saml/new?kind=GENERIC`, /\/connectors\/saml\/new/);

    const cert = SP_REQUEST_SIGNER.certificatePem.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, '');
    const metadata = `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://payroll.example.org/saml">
  <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol" AuthnRequestsSigned="true" WantAssertionsSigned="true">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://payroll.example.org/saml/acs" index="0" isDefault="true"/>
  </md:SPSSODescriptor>
</md:EntityDescriptor>`;
    await page.getByLabel('Name', { exact: true }).fill('Payroll');
    await page.getByLabel('Metadata XML', { exact: true }).fill(metadata);
    expect(await page.getByText(/will be read from this metadata when you create the connector/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Create connector' }).click();
    await page.waitForURL(/\/connectors\/saml\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('“Payroll” was created with a new signing key.', { exact: false }).isVisible()).toBe(true);

    // What the metadata said is now in the form.
    await expect.poll(() => page.getByLabel('Service provider entity ID', { exact: true }).inputValue()).toBe('https://payroll.example.org/saml');
    expect(await page.getByLabel('URL', { exact: true }).inputValue()).toBe('https://payroll.example.org/saml/acs');
    expect(await page.getByLabel('Require signed sign-in requests', { exact: true }).isChecked()).toBe(true);
    expect(await page.getByText('Its metadata lists: Email address (emailAddress).').isVisible()).toBe(true);

    // RSA-SHA1 is allowed for old service providers, with a warning.
    await page.getByLabel('Signature algorithm', { exact: true }).selectOption('RSA_SHA1');
    expect(await page.getByText(/RSA-SHA1 is deprecated/).isVisible()).toBe(true);
    await pageScreenshots(page, 'saml-generic-metadata');

    expect(errors).toEqual([]);
    await page.close();
  });
});
