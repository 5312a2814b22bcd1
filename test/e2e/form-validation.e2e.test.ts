import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageScreenshots, VIEWPORTS } from '../browser/launch-browser';
import { graphqlClient } from '../support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

const BASE_DN_MESSAGE = 'Write the base DN like ou=People,dc=example,dc=com.';
const PREFIX_MESSAGE = 'An IPv4 prefix length is at most 32.';
const SERVICE_NAME_MESSAGE = 'Give the service a name users recognise, e.g. "Office 365".';

describe('forms validate as the admin types, with the server’s own messages', () => {
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

  it('shows a bad base DN, network range and service name under their fields before anything is submitted, and nothing is saved', async () => {
    const owner = graphqlClient(server.url);
    await owner.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const saved = async () => (await owner.request('{ directoryConnectors { id } services { id } tokenPacks { trustedNetworks { id } } }')).data;
    const before = await saved();

    const page = await browser.newPage({ viewport: VIEWPORTS.laptop });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAsAdmin(page, `${server.url}/directories/new`, /\/directories\/new$/);

    // A fresh form is not covered in red, though the server would refuse it as it stands.
    const form = page.getByRole('form', { name: 'Directory connector settings' });
    await form.getByLabel('Name', { exact: true }).fill('Lab OpenLDAP');
    await form.getByLabel('Directory type').selectOption('OPENLDAP');
    await form.getByLabel('Host', { exact: true }).fill('ldap.example.test');

    // A bad base DN: the server's message appears under it while typing, no submit.
    const baseDn = form.getByLabel('Base DN');
    await baseDn.fill('example.com');
    await expect.poll(() => form.getByText(BASE_DN_MESSAGE).isVisible()).toBe(true);
    expect(await baseDn.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await baseDn.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy.at(-1)}"]`).textContent()).toBe(BASE_DN_MESSAGE);
    // Fields not yet touched stay quiet, though the server would ask for a service account.
    expect(await form.getByLabel('Service account (bind DN)').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('status').filter({ hasText: '1 field has a problem to fix' }).count()).toBe(1);
    expect(await page.getByText('The connector was not saved').count()).toBe(0);
    await pageScreenshots(page, 'form-validation-base-dn');

    // Fixed: the message goes.
    await baseDn.fill('ou=People,dc=example,dc=test');
    await expect.poll(() => form.getByText(BASE_DN_MESSAGE).count()).toBe(0);
    expect(await baseDn.getAttribute('aria-invalid')).toBeNull();

    // The same on the trusted networks of the template token pack.
    await page.goto(`${server.url}/token-packs`);
    await page.getByRole('row', { name: /Default token pack/ }).getByRole('link', { name: 'Edit Default token pack' }).click();
    await page.getByRole('tab', { name: 'Trusted networks' }).click();
    await page.waitForURL(/tab=networks/);
    const networkForm = page.getByRole('form', { name: 'Add a trusted network' });
    const range = networkForm.getByLabel('Address or CIDR range');
    await range.fill('10.0.0.0/33');
    await expect.poll(() => networkForm.getByText(PREFIX_MESSAGE).isVisible()).toBe(true);
    expect(await range.getAttribute('aria-invalid')).toBe('true');
    // The name was never touched: no message under it yet.
    expect(await networkForm.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await pageScreenshots(page, 'form-validation-network-range');
    await range.fill('10.0.0.0/8');
    await expect.poll(() => networkForm.getByText(PREFIX_MESSAGE).count()).toBe(0);
    expect(await range.getAttribute('aria-invalid')).toBeNull();

    // And on a new service: a name typed and cleared again gets the server's sentence at once.
    await page.goto(`${server.url}/services/new`);
    const serviceForm = page.getByRole('form', { name: 'Service settings' });
    const serviceName = serviceForm.getByLabel('Name', { exact: true });
    await serviceName.fill('Payroll');
    await serviceName.fill('');
    await expect.poll(() => serviceForm.getByText(SERVICE_NAME_MESSAGE).isVisible()).toBe(true);
    expect(await serviceName.getAttribute('aria-invalid')).toBe('true');
    await serviceName.fill('Payroll');
    await expect.poll(() => serviceForm.getByText(SERVICE_NAME_MESSAGE).count()).toBe(0);

    expect(await saved()).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });
});
