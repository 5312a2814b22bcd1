import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, pageScreenshots, VIEWPORTS } from '../browser/launch-browser';
import { graphqlClient } from '../support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';
import { signInAsAdmin } from '../browser/sign-in-as-admin';

const CITIES = ['Berlin', 'Paris', 'Madrid', 'Oslo', 'Lisbon'] as const;
const COUNT = 25;
const pad = (n: number) => String(n).padStart(2, '0');

/** Sends one GraphQL request and fails the test with the server's message when it is refused. */
async function send<T>(api: ReturnType<typeof graphqlClient>, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await api.request<T>(query, variables);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL refused: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** The text of the polite count line of a searchable list ("Showing 1–20 of 26 …"). */
function countLine(page: Page, noun: string): Locator {
  return page.getByRole('status').filter({ hasText: noun });
}

describe('Searchable, paged configuration lists in headless Chromium', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    const api = graphqlClient(server.url);
    await send(api, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });

    // 25 built-in directories, five per city: “Berlin directory 01”, “Paris directory 02”, …
    const directoryIds: string[] = [];
    for (let i = 1; i <= COUNT; i += 1) {
      const { createDirectoryConnector } = await send<{ createDirectoryConnector: { id: string } }>(
        api,
        'mutation($i: DirectoryConnectorInput!) { createDirectoryConnector(input: $i) { id } }',
        { i: { name: `${CITIES[(i - 1) % CITIES.length]} directory ${pad(i)}`, type: 'BUILT_IN' } },
      );
      directoryIds.push(createDirectoryConnector.id);
    }
    // 25 services, each on the directory with its number; every fifth one is the payroll.
    for (let i = 1; i <= COUNT; i += 1) {
      await send(api, 'mutation($i: ServiceInstanceInput!) { createService(input: $i) { id } }', {
        i: { name: `App ${pad(i)}`, description: i % 5 === 0 ? 'EU payroll' : 'Team wiki', directoryConnectorId: directoryIds[i - 1] },
      });
    }
    // 25 token packs, each enrolling against the directory with its number.
    for (let i = 1; i <= COUNT; i += 1) {
      await send(api, 'mutation($i: TokenPackInput!) { createTokenPack(input: $i) { id } }', {
        i: { name: `Team ${pad(i)} pack`, primaryDirectoryId: directoryIds[i - 1] },
      });
    }
    // Seven generic SAML connectors: with the Office 365 template, eight, enough for a search box but one page.
    for (let i = 1; i <= 7; i += 1) {
      await send(api, 'mutation($i: SamlConnectorInput!) { createSamlConnector(input: $i) { id } }', {
        i: {
          name: `Partner ${pad(i)}`,
          kind: 'GENERIC',
          spEntityId: `https://sp${i}.example.org/saml`,
          spAssertionConsumerServices: [{ url: `https://sp${i}.example.org/saml/acs` }],
          nameIdFormat: 'EMAIL_ADDRESS',
          nameIdSourceAttribute: 'mail',
        },
      });
    }

    // 23 users in “Berlin directory 01”: two pages of the server-paged user list.
    for (let i = 1; i <= 23; i += 1) {
      await send(api, 'mutation($c: ID!, $i: NewDirectoryUserInput!) { addDirectoryUser(connectorId: $c, input: $i) { username } }', {
        c: directoryIds[0], i: { username: `user${pad(i)}`, displayName: `User ${pad(i)}`, email: `user${pad(i)}@example.test` },
      });
    }
    // Eight trusted networks on “Team 01 pack” and eight API keys: each list gets its search box.
    const { tokenPacks } = await send<{ tokenPacks: Array<{ id: string; name: string }> }>(api, '{ tokenPacks { id name } }', {});
    const firstPack = tokenPacks.find((pack) => pack.name === 'Team 01 pack')!;
    for (let i = 1; i <= 8; i += 1) {
      await send(api, 'mutation($p: ID!, $i: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $p, input: $i) { id } }', {
        p: firstPack.id, i: { name: `${CITIES[(i - 1) % CITIES.length]} office ${pad(i)}`, cidr: `10.${i}.0.0/16` },
      });
    }
    for (let i = 1; i <= 8; i += 1) {
      await send(api, 'mutation($n: String!, $s: [ApiScope!]!) { createApiKey(name: $n, scopes: $s) { token } }', {
        n: `${i % 2 ? 'SIEM' : 'Provisioning'} ${pad(i)}`, s: i % 2 ? ['AUDIT_READ'] : ['USERS_WRITE'],
      });
    }

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: VIEWPORTS.laptop });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await signInAsAdmin(page, `${server.url}/directories`, /\/directories$/);
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('pages the directory connectors, searches them by name and type, and keeps both in the URL', async () => {
    const rows = page.getByRole('table', { name: 'Directory connectors, by name' }).locator('tbody tr');
    const count = countLine(page, 'directory connector');
    const search = page.getByRole('searchbox', { name: 'Search directory connectors' });
    const pager = page.getByRole('navigation', { name: 'Pages of directory connectors' });

    // 26 with the template: the first 20, and Next.
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 directory connectors');
    expect(await rows.count()).toBe(20);
    expect(await pager.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);
    const firstPage = await rows.locator('th a').allTextContents();
    await pageScreenshots(page, 'config-lists-directories');

    await pager.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/directories\?page=2$/);
    await expect.poll(() => count.textContent()).toBe('Showing 21–26 of 26 directory connectors');
    expect(await rows.count()).toBe(6);
    const secondPage = await rows.locator('th a').allTextContents();
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
    // Next is disabled on the last page, so the keyboard focus moves to Previous rather than getting lost.
    expect(await pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Previous');

    // The page survives a reload, and Back goes to page 1.
    await page.reload();
    await expect.poll(() => count.textContent()).toBe('Showing 21–26 of 26 directory connectors');
    await page.goBack();
    await page.waitForURL(/\/directories$/);
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 directory connectors');

    // A search by city narrows the list to one page: no pager.
    await search.fill('oslo');
    await page.waitForURL(/\/directories\?q=oslo$/);
    await expect.poll(() => count.textContent()).toBe('5 of 26 directory connectors match “oslo”');
    expect(await rows.locator('th a').allTextContents()).toEqual(['Oslo directory 04', 'Oslo directory 09', 'Oslo directory 14', 'Oslo directory 19', 'Oslo directory 24']);
    expect(await pager.count()).toBe(0);
    // Every word must match, in any case.
    await search.fill('OSLO 19');
    await expect.poll(() => count.textContent()).toBe('1 of 26 directory connectors matches “OSLO 19”');

    // The type counts too: all 26 are built-in, so the search pages, and the URL keeps both.
    await search.fill('built-in');
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 directory connectors matching “built-in”');
    await pager.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/directories\?q=built-in&page=2$/);
    await page.reload();
    await expect.poll(() => count.textContent()).toBe('Showing 21–26 of 26 directory connectors matching “built-in”');
    expect(await search.inputValue()).toBe('built-in');
    expect(await rows.count()).toBe(6);

    // Nothing matches: the message, and a button that clears the search and returns to the box.
    await search.fill('atlantis');
    await expect.poll(() => count.textContent()).toBe('No directory connectors match “atlantis”.');
    expect(await rows.count()).toBe(0);
    await pageScreenshots(page, 'config-lists-directories-no-match');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.waitForURL(/\/directories$/);
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 directory connectors');
    expect(await search.inputValue()).toBe('');
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);

    // Typed key by key from there, no keystroke is lost while the URL follows.
    await page.keyboard.type('lisbon 2');
    await page.waitForURL(/\/directories\?q=lisbon\+2$/);
    expect(await search.inputValue()).toBe('lisbon 2');
    await expect.poll(() => count.textContent()).toBe('2 of 26 directory connectors match “lisbon 2”');
  });

  it('searches the service cards by description, state and directory name, and pages them', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.waitForURL(/\/services$/);
    const cards = page.getByRole('list', { name: 'Services' }).locator(':scope > li');
    const count = countLine(page, 'service');
    const search = page.getByRole('searchbox', { name: 'Search services' });
    const pager = page.getByRole('navigation', { name: 'Pages of services' });

    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 services');
    expect(await cards.count()).toBe(20);
    await pager.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/services\?page=2$/);
    await expect.poll(() => count.textContent()).toBe('Showing 21–26 of 26 services');
    expect(await cards.count()).toBe(6);
    await pager.getByRole('button', { name: 'Previous' }).click();
    await page.waitForURL(/\/services$/);
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 services');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Next');

    // A new search starts at page 1.
    await pager.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/page=2/);
    await search.fill('payroll');
    await page.waitForURL(/\/services\?q=payroll$/);
    await expect.poll(() => count.textContent()).toBe('5 of 26 services match “payroll”');
    expect(await cards.getByRole('heading').allTextContents()).toEqual(['App 05', 'App 10', 'App 15', 'App 20', 'App 25']);

    // By the name of the directory a service uses, and by its state.
    await search.fill('madrid');
    await expect.poll(() => count.textContent()).toBe('5 of 26 services match “madrid”');
    expect(await cards.getByRole('heading').allTextContents()).toEqual(['App 03', 'App 08', 'App 13', 'App 18', 'App 23']);
    await pageScreenshots(page, 'config-lists-services-search');
    await search.fill('started');
    await expect.poll(() => count.textContent()).toBe('No services match “started”.');
    await page.reload();
    await expect.poll(() => count.textContent()).toBe('No services match “started”.');
    expect(await search.inputValue()).toBe('started');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 services');
  });

  it('searches the token packs by name and primary directory, and pages them', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Token Packs' }).click();
    await page.waitForURL(/\/token-packs$/);
    const rows = page.getByRole('table', { name: 'Token packs, by name' }).locator('tbody tr');
    const count = countLine(page, 'token pack');
    const search = page.getByRole('searchbox', { name: 'Search token packs' });
    const pager = page.getByRole('navigation', { name: 'Pages of token packs' });

    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 token packs');
    expect(await rows.count()).toBe(20);
    await pager.getByRole('button', { name: 'Next' }).click();
    await page.waitForURL(/\/token-packs\?page=2$/);
    await expect.poll(() => count.textContent()).toBe('Showing 21–26 of 26 token packs');

    await search.fill('lisbon');
    await expect.poll(() => count.textContent()).toBe('5 of 26 token packs match “lisbon”');
    expect(await rows.locator('th a').allTextContents()).toEqual(['Team 05 pack', 'Team 10 pack', 'Team 15 pack', 'Team 20 pack', 'Team 25 pack']);

    // Opening a pack and coming back finds the search as it was.
    await rows.first().getByRole('link', { name: 'Team 05 pack', exact: true }).click();
    await page.waitForURL(/\/token-packs\?pack=/);
    await page.goBack();
    await page.waitForURL(/\/token-packs\?q=lisbon$/);
    await expect.poll(() => count.textContent()).toBe('5 of 26 token packs match “lisbon”');
    expect(await search.inputValue()).toBe('lisbon');

    await search.fill('team 99');
    await expect.poll(() => count.textContent()).toBe('No token packs match “team 99”.');

    await pageScreenshots(page, 'config-lists-token-packs-no-match');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(() => count.textContent()).toBe('Showing 1–20 of 26 token packs');

    // A new pack from its dialog: a name is needed, then it opens.
    await page.getByRole('button', { name: 'New token pack' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New token pack' });
    await dialog.getByRole('button', { name: 'Create token pack' }).click();
    await expect.poll(async () => (await dialog.getByLabel('Name').getAttribute('aria-invalid')) === 'true').toBe(true);
    await dialog.getByLabel('Name').fill('Team 99 pack');
    await dialog.getByRole('button', { name: 'Create token pack' }).click();
    await page.waitForURL(/\/token-packs\?pack=/);
    await expect.poll(() => page.getByRole('form', { name: 'Token pack settings' }).getByLabel('Name', { exact: true }).inputValue()).toBe('Team 99 pack');
  });

  it('pages a built-in directory\'s users through the server and searches them there', async () => {
    await page.goto(`${server.url}/directories`);
    await page.getByRole('link', { name: 'Edit Berlin directory 01' }).click();
    const users = page.getByRole('table', { name: /Users of this directory/ }).locator('tbody tr');
    const pager = page.getByRole('navigation', { name: 'Pages of users' });
    await expect.poll(() => users.count()).toBe(20);
    await pager.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => users.count()).toBe(3);
    expect(await pager.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
    await pager.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => users.count()).toBe(20);
    await page.getByRole('searchbox').first().fill('user2');
    await expect.poll(() => users.count()).toBe(4); // user20 to user23
  });

  it('searches a pack\'s trusted networks and the API keys on Settings, each under its own URL parameter', async () => {
    await page.goto(`${server.url}/token-packs?q=team+01`);
    await page.getByRole('link', { name: 'Team 01 pack', exact: true }).click();
    await page.getByRole('tab', { name: 'Trusted networks' }).click();
    const networks = page.getByRole('table', { name: /Trusted networks of/ }).locator('tbody tr');
    const networkCount = countLine(page, 'trusted network');
    await expect.poll(() => networkCount.textContent()).toBe('8 trusted networks');
    await page.getByRole('searchbox', { name: 'Search trusted networks' }).fill('oslo');
    await expect.poll(() => networkCount.textContent()).toBe('1 of 8 trusted networks matches “oslo”');
    expect(await networks.locator('th').allTextContents()).toEqual(['Oslo office 04']);
    await page.waitForURL(/netq=oslo/);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false); // the pack list's own search is not touched

    await page.goto(`${server.url}/settings`);
    const keyCount = countLine(page, 'API key');
    await expect.poll(() => keyCount.textContent()).toBe('8 API keys');
    await page.getByRole('searchbox', { name: 'Search API keys' }).fill('provisioning');
    await expect.poll(() => keyCount.textContent()).toBe('4 of 8 API keys match “provisioning”');
    await page.waitForURL(/keysq=provisioning/);
  });

  it('searches the SAML connectors by kind and entity ID on one page', async () => {
    await page.goto(`${server.url}/connectors/saml`);
    const rows = page.getByRole('table', { name: 'SAML connectors, by name' }).locator('tbody tr');
    const count = countLine(page, 'SAML connector');
    const search = page.getByRole('searchbox', { name: 'Search SAML connectors' });

    await expect.poll(() => count.textContent()).toBe('8 SAML connectors');
    expect(await page.getByRole('navigation', { name: 'Pages of SAML connectors' }).count()).toBe(0);
    await search.fill('office');
    await expect.poll(() => count.textContent()).toBe('1 of 8 SAML connectors matches “office”');
    await search.fill('sp3.example.org');
    await expect.poll(() => count.textContent()).toBe('1 of 8 SAML connectors matches “sp3.example.org”');
    expect(await rows.locator('th a').allTextContents()).toEqual(['Partner 03']);
    await search.fill('generic');
    await expect.poll(() => count.textContent()).toBe('7 of 8 SAML connectors match “generic”');
    await pageScreenshots(page, 'config-lists-saml-search');
    expect(errors).toEqual([]);
  });
});
