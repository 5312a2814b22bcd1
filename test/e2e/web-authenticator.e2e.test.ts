import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import PostalMime from 'postal-mime';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamId } from '../../api/commands';
import { TOTP_SEED_SEAL_CONTEXT, type DeviceEvent } from '../../api/domain/device';
import { ENROLLMENT_URL_SEAL_CONTEXT, type TokenPackEvent } from '../../api/domain/token-pack';
import { totpCode } from '../../api/mfa/totp';
import { launchBrowser, screenshot, VIEWPORTS } from '../browser/launch-browser';
import { graphqlClient } from '../support/graphql-client';
import { setUpGenericService, SP, USER } from '../support/saml-test-setup';
import { startTestServer, TEST_ADMIN } from '../support/start-test-server';

const REFEDS_MFA = 'https://refeds.org/profile/mfa';

describe('the web authenticator in headless Chromium: enrol, approve, deny, code, PIN gate, revoke', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;
  let setup: Awaited<ReturnType<typeof setUpGenericService>>;
  let admin: ReturnType<typeof graphqlClient>;
  let phone: Page;
  let phoneContext: BrowserContext;
  let secondPhone: Page;
  const problems: string[] = [];
  const tenant = () => server.services.config.COUNTERSIGN_DEFAULT_TENANT;

  const must = <T>(r: { data?: T; errors?: unknown }) => {
    if (r.errors || !r.data) throw new Error(`GraphQL failed: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  const sp = () =>
    new SAML({
      callbackUrl: SP.acsUrl, entryPoint: setup.service.ssoUrl, issuer: SP.entityId, audience: SP.entityId,
      idpCert: setup.connector.signingCertificate.certificatePem, idpIssuer: setup.connector.issuer,
      wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: ValidateInResponseTo.always,
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });

  /** A token pack for the test directory that enables the test app, sent to the user; resolves to the emailed enrollment link. */
  async function packLink(input: Record<string, unknown>, trustLoopback: boolean): Promise<string> {
    return (await sentPack(input, trustLoopback)).link;
  }
  async function sentPack(input: Record<string, unknown>, trustLoopback: boolean): Promise<{ packId: string; link: string }> {
    const pack = must(await admin.request<{ createTokenPack: { id: string } }>('mutation($i: TokenPackInput!) { createTokenPack(input: $i) { id } }', { i: { primaryDirectoryId: setup.directoryId, ...input } })).createTokenPack;
    must(await admin.request('mutation($p: ID!, $s: ID!) { setTokenPackService(tokenPackId: $p, serviceId: $s, enabled: true) { id } }', { p: pack.id, s: setup.service.id }));
    if (trustLoopback) must(await admin.request('mutation($p: ID!, $i: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $p, input: $i) { id } }', { p: pack.id, i: { name: 'Office', cidr: '127.0.0.1/32' } }));
    must(await admin.request('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: pack.id, e: [USER.email] }));
    const events = (await server.services.store.readStream(streamId('tokenPack', tenant(), pack.id))) as unknown as TokenPackEvent[];
    const send = events.find((e): e is Extract<TokenPackEvent, { type: 'TokenPackSendRequested' }> => e.type === 'TokenPackSendRequested')!;
    return { packId: pack.id, link: server.services.sealer.unseal(send.data.enrollmentUrl, ENROLLMENT_URL_SEAL_CONTEXT) };
  }

  /** Mails in the outbox folder (no SMTP_URL), parsed. */
  async function outbox() {
    const dir = join(server.dataDir, 'outbox');
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
    return Promise.all(files.map(async (f) => PostalMime.parse(await readFile(join(dir, f), 'utf8'))));
  }

  /** A browser page that signs in to the test SP up to the waiting page; the SP's ACS is caught. */
  async function signIn() {
    const context = await browser.newContext({ viewport: VIEWPORTS.laptop });
    const page = await context.newPage();
    let posted = '';
    await page.route(SP.acsUrl, async (route) => {
      posted = route.request().postData() ?? '';
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<p>signed in at the SP</p>' });
    });
    const provider = sp();
    await page.goto(await provider.getAuthorizeUrlAsync('', undefined, {}));
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/approve$/, { timeout: 10_000 }).catch(async (e) => {
      throw new Error(`${(e as Error).message} at ${page.url()}: ${(await page.textContent('body'))?.slice(0, 500)}`);
    });
    const numberText = await page.locator('#number').textContent({ timeout: 2000 }).catch(() => null);
    return { context, page, provider, number: numberText === null ? null : Number(numberText), posted: () => posted };
  }

  /** The SP accepts the Response it was posted, and it says multi-factor. */
  async function expectMultiFactor(signin: Awaited<ReturnType<typeof signIn>>) {
    await expect.poll(() => signin.posted(), { timeout: 15_000 }).toContain('SAMLResponse=');
    const samlResponse = new URLSearchParams(signin.posted()).get('SAMLResponse')!;
    const { profile } = await signin.provider.validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile).toMatchObject({ nameID: USER.email });
    expect(Buffer.from(samlResponse, 'base64').toString()).toContain(`<saml:AuthnContextClassRef>${REFEDS_MFA}</saml:AuthnContextClassRef>`);
  }

  const card = (page: Page) => page.locator('article.challenge').first();
  const pad = (n: number) => String(n).padStart(2, '0');

  async function newPhone(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    return { context, page };
  }

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    admin = graphqlClient(server.url);
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    setup = await setUpGenericService(admin);
    must(await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', { id: setup.service.id, i: { secondFactor: 'REQUIRED' } }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrols from the emailed link on a trusted network: themed, no activation code, keys kept non-extractable', async () => {
    const link = await packLink({ name: 'Staff phones', theme: { primaryColor: '#0b5345', accentColor: '#117a65' } }, true);
    expect(link).toMatch(/\/enroll\/[^/]+\/[0-9a-f-]+\?t=/);
    ({ context: phoneContext, page: phone } = await newPhone());
    await phone.goto(link);
    await expect.poll(() => phone.getByRole('heading', { name: 'Sign in to set up this phone' }).isVisible()).toBe(true);
    // The bearer link leaves the address bar once opened; the pack's colours and name are shown.
    expect(new URL(phone.url()).pathname).toBe('/authenticator/');
    expect(await phone.locator('.wa-app-title').textContent()).toBe('Staff phones');
    expect(await phone.locator('.wa-app-header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 83, 69)');
    await phone.getByLabel('Username').fill(USER.username);
    await phone.getByLabel('Password').fill(USER.password);
    await phone.getByLabel('Name of this device').fill('Jo’s first phone');
    await screenshot(phone, 'web-authenticator-enrol-phone');
    await phone.setViewportSize(VIEWPORTS.laptop);
    await screenshot(phone, 'web-authenticator-enrol-laptop');
    await phone.setViewportSize(VIEWPORTS.phone);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => phone.getByText('Connected: waiting for sign-in requests.').isVisible(), { timeout: 15_000 }).toBe(true);
    // No VAPID endpoint and no network for push here: the app says so and carries on.
    await expect.poll(() => phone.getByText('Notifications off: keep this page open').isVisible(), { timeout: 20_000 }).toBe(true);

    const stored = await phone.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('countersign-authenticator');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const device = await new Promise<Record<string, unknown>>((resolve) => {
        const r = db.transaction('device').objectStore('device').get('current');
        r.onsuccess = () => resolve(r.result as Record<string, unknown>);
      });
      const key = device.privateKey as CryptoKey;
      const totp = device.totpKey as CryptoKey;
      return { deviceId: device.deviceId, privateKey: [key.type, key.extractable, key.algorithm.name], totpKey: [totp.extractable, totp.algorithm.name], keys: Object.keys(device) };
    });
    expect(stored.privateKey).toEqual(['private', false, 'ECDSA']);
    expect(stored.totpKey).toEqual([false, 'HMAC']);
    expect(stored.keys).not.toContain('totpSecret');
    await server.readModelsCaughtUp();
    const types = server.services.readDb.prepare("SELECT type FROM audit_events WHERE stream_id LIKE 'enrollment-%' OR stream_id LIKE 'device-%' ORDER BY position").pluck().all() as string[];
    expect(types).toEqual(expect.arrayContaining(['EnrollmentStarted', 'EnrollmentPrimaryAuthPassed', 'EnrollmentActivated', 'DeviceActivated']));
    expect((await outbox()).filter((m) => m.subject === 'Your activation code')).toHaveLength(0);
  });

  it('shows the push, the user picks the number from the sign-in page and approves; the SP gets a multi-factor Response', async () => {
    const signin = await signIn();
    expect(signin.number).toBeGreaterThanOrEqual(10);
    await expect.poll(() => card(phone).isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await card(phone).textContent();
    expect(text).toContain('Sign-in request for Test app');
    expect(text).toContain(USER.username);
    expect(text).toContain('127.0.0.1');
    await screenshot(phone, 'web-authenticator-challenge-phone');
    await phone.setViewportSize(VIEWPORTS.laptop);
    await screenshot(phone, 'web-authenticator-challenge-laptop');
    await phone.setViewportSize(VIEWPORTS.phone);
    await card(phone).getByRole('button', { name: pad(signin.number!), exact: true }).click();
    await card(phone).getByRole('button', { name: `Approve with ${pad(signin.number!)}` }).click();
    await expect.poll(() => card(phone).textContent()).toContain('Approved. The sign-in continues on the other screen.');
    await expectMultiFactor(signin);
    await signin.context.close();
    await card(phone).getByRole('button', { name: 'Dismiss' }).click();
  });

  it('shows the TOTP code of the server-side seed, and the sign-in page accepts it', async () => {
    await phone.getByRole('button', { name: 'Code' }).click();
    const code = phone.locator('.totp-code');
    await expect.poll(() => code.getAttribute('data-code')).toMatch(/^\d{6}$/);
    const deviceId = await phone.evaluate(() => new Promise<string>((resolve) => {
      const r = indexedDB.open('countersign-authenticator');
      r.onsuccess = () => {
        const g = r.result.transaction('device').objectStore('device').get('current');
        g.onsuccess = () => resolve((g.result as { deviceId: string }).deviceId);
      };
    }));
    const events = (await server.services.store.readStream(streamId('device', tenant(), deviceId))) as unknown as DeviceEvent[];
    const activated = events.find((e) => e.type === 'DeviceActivated') as Extract<DeviceEvent, { type: 'DeviceActivated' }>;
    const seed = server.services.sealer.unseal(activated.data.totpSeed, TOTP_SEED_SEAL_CONTEXT);
    const before = Date.now();
    const shown = (await code.getAttribute('data-code'))!;
    const after = Date.now();
    // The page's code was made between `before - 1 s` (its last tick) and `after`.
    expect([totpCode(seed, before - 1000), totpCode(seed, before), totpCode(seed, after)]).toContain(shown);
    expect(await phone.locator('.totp-left').textContent()).toMatch(/^Changes in \d+ s$/);
    await screenshot(phone, 'web-authenticator-code-phone');
    await phone.setViewportSize(VIEWPORTS.laptop);
    await screenshot(phone, 'web-authenticator-code-laptop');
    await phone.setViewportSize(VIEWPORTS.phone);

    // Read off the phone first: the request this sign-in sends brings the Requests tab forward.
    const typed = (await code.getAttribute('data-code'))!;
    const signin = await signIn();
    await expect.poll(() => phone.getByRole('button', { name: 'Requests' }).getAttribute('aria-current')).toBe('page');
    if (!(await signin.page.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) await signin.page.getByText('Enter a code instead').click();
    await signin.page.getByLabel('6-digit code from your authenticator').fill(typed);
    await signin.page.getByRole('button', { name: 'Verify code' }).click();
    await expectMultiFactor(signin);
    await signin.context.close();
    // The push of that sign-in was cancelled by the code; dismiss whatever it left.
    for (const dismiss of await phone.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  });

  it('is an installable app: a manifest, and a service worker whose cache opens the app and shows the code with no network', async () => {
    const manifest = (await (await fetch(`${server.url}/authenticator/manifest.webmanifest`)).json()) as Record<string, unknown>;
    expect(manifest).toMatchObject({ start_url: '/authenticator/', display: 'standalone', theme_color: expect.stringMatching(/^#/) });
    // The phone opened the /enroll/… link, outside the worker's scope; the app registered it for /authenticator/.
    await expect.poll(() => phone.evaluate(async () => (await navigator.serviceWorker.getRegistration('/authenticator/'))?.active?.scriptURL)).toBe(`${server.url}/authenticator/sw.js`);
    await phone.reload();
    await expect.poll(() => phone.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await phoneContext.setOffline(true);
    expect((await phone.reload())?.fromServiceWorker()).toBe(true);
    await expect.poll(() => phone.getByText(/offline|dropped/).first().isVisible(), { timeout: 15_000 }).toBe(true);
    await phone.getByRole('button', { name: 'Code' }).click();
    await expect.poll(() => phone.locator('.totp-code').getAttribute('data-code')).toMatch(/^\d{6}$/);
    await phoneContext.setOffline(false);
    await expect.poll(() => phone.getByText('Connected: waiting for sign-in requests.').isVisible(), { timeout: 40_000 }).toBe(true);
    await phone.getByRole('button', { name: 'Requests' }).click();
  });

  it('off the trusted networks: the emailed activation code; the pack asks for a PIN, checked before each approval', async () => {
    const { packId, link } = await sentPack({ name: 'Remote staff' }, false);
    // The admin asks for an unlock on the pack's INFO tab; it applies to enrolments from then on.
    const dashboard = await browser.newPage({ viewport: VIEWPORTS.laptop });
    await dashboard.goto(`${server.url}/signin`);
    await dashboard.getByLabel('Email').fill(TEST_ADMIN.email);
    await dashboard.getByLabel('Password').fill(TEST_ADMIN.password);
    await dashboard.getByRole('button', { name: /sign in/i }).click();
    await dashboard.waitForURL(`${server.url}/`);
    await dashboard.goto(`${server.url}/token-packs?pack=${packId}`);
    const settings = dashboard.getByRole('form', { name: 'Token pack settings' });
    expect(await settings.getByLabel('Unlock before approving').inputValue()).toBe('NONE');
    await settings.getByLabel('Unlock before approving').selectOption('PIN_OR_BIOMETRIC');
    await settings.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => dashboard.getByText('Saved.').isVisible()).toBe(true);
    const packs = must(await admin.request<{ tokenPacks: { id: string; localUnlock: string }[] }>('{ tokenPacks { id localUnlock } }')).tokenPacks;
    expect(packs.find((p) => p.id === packId)?.localUnlock).toBe('PIN_OR_BIOMETRIC');
    await dashboard.close();

    const { page } = await newPhone();
    secondPhone = page;
    await page.goto(link);
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByLabel('Name of this device').fill('Jo’s second phone');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Protect your approvals' }).isVisible()).toBe(true);
    expect(await page.textContent('main')).toContain('the server cannot tell whether it was asked');
    await page.getByLabel('New app PIN').fill('1234');
    await page.getByLabel('The same PIN again').fill('1234');
    await page.getByRole('button', { name: 'Set PIN and continue' }).click();
    expect(await page.locator('.field-error').first().textContent()).toMatch(/run of digits/);
    await page.getByLabel('New app PIN').fill('2580');
    await page.getByLabel('The same PIN again').fill('2580');
    await page.getByRole('button', { name: 'Set PIN and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Enter your activation code' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.textContent('main')).toContain('j…@example.test');
    // A wrong code is refused in plain words.
    await page.getByRole('textbox', { name: 'Activation code' }).fill('not-a-code');
    await page.getByRole('button', { name: 'Activate this phone' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/activation code/i);
    const mail = await (async () => {
      for (let i = 0; i < 100; i++) {
        const found = (await outbox()).find((m) => m.subject === 'Your activation code');
        if (found) return found;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('no activation email in the outbox');
    })();
    const activation = /^(\S+~[0-9a-f-]{36}\.[A-Za-z0-9_-]{27})$/m.exec(mail.text!)![1]!;
    // Reading the mail may cost the tab its state: a reload comes back to this step.
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Enter your activation code' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Activation code' }).fill(activation);
    await page.getByRole('button', { name: 'Activate this phone' }).click();
    await expect.poll(() => page.getByText('Connected: waiting for sign-in requests.').isVisible(), { timeout: 15_000 }).toBe(true);

    const signin = await signIn();
    await expect.poll(() => card(page).isVisible(), { timeout: 15_000 }).toBe(true);
    await card(page).getByRole('button', { name: pad(signin.number!), exact: true }).click();
    await card(page).getByRole('button', { name: `Approve with ${pad(signin.number!)}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Unlock to approve' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('App PIN').fill('1111');
    await dialog.getByRole('button', { name: 'Unlock and approve' }).click();
    await expect.poll(() => dialog.locator('.field-error').textContent()).toBe('Wrong PIN. 4 tries left before you have to wait.');
    await screenshot(page, 'web-authenticator-unlock-phone');
    await dialog.getByLabel('App PIN').fill('2580');
    await dialog.getByRole('button', { name: 'Unlock and approve' }).click();
    await expect.poll(() => card(page).textContent()).toContain('Approved. The sign-in continues on the other screen.');
    await expectMultiFactor(signin);
    // The first phone saw the same request end elsewhere.
    await expect.poll(() => card(phone).textContent()).toContain('Approved on another device.');
    await signin.context.close();
    for (const p of [phone, page]) for (const dismiss of await p.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
  });

  it('where the phone has a platform authenticator (a virtual one here), fingerprint or face unlock can stand in for the PIN', async () => {
    const link = await packLink({ name: 'Lab phones', localUnlock: 'PIN_OR_BIOMETRIC' }, true);
    const { context, page } = await newPhone();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
    });
    // WebAuthn needs a domain name, so this phone opens the link at localhost, not 127.0.0.1.
    await page.goto(link.replace('//127.0.0.1:', '//localhost:'));
    await page.getByLabel('Username').fill(USER.username);
    await page.getByLabel('Password').fill(USER.password);
    await page.getByLabel('Name of this device').fill('Jo’s lab phone');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Also allow fingerprint or face unlock').check();
    await page.getByLabel('New app PIN').fill('7391');
    await page.getByLabel('The same PIN again').fill('7391');
    await page.getByRole('button', { name: 'Set PIN and continue' }).click();
    await expect.poll(() => page.getByText('Connected: waiting for sign-in requests.').isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials).toHaveLength(1);

    const signin = await signIn();
    await expect.poll(() => card(page).isVisible(), { timeout: 15_000 }).toBe(true);
    await card(page).getByRole('button', { name: pad(signin.number!), exact: true }).click();
    await card(page).getByRole('button', { name: `Approve with ${pad(signin.number!)}` }).click();
    await page.getByRole('dialog', { name: 'Unlock to approve' }).getByRole('button', { name: 'Use fingerprint or face' }).click();
    await expect.poll(() => card(page).textContent()).toContain('Approved. The sign-in continues on the other screen.');
    await expectMultiFactor(signin);
    const [credential] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    expect(credential!.signCount).toBeGreaterThan(0);
    await signin.context.close();
    for (const p of [phone, secondPhone, page]) for (const dismiss of await p.getByRole('button', { name: 'Dismiss' }).all()) await dismiss.click();
    await context.close();
  });

  it('a deny stops the sign-in; the waiting page and the other phone say so', async () => {
    const signin = await signIn();
    await expect.poll(() => card(phone).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => card(secondPhone).isVisible(), { timeout: 15_000 }).toBe(true);
    await card(phone).getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => card(phone).textContent()).toContain('Denied. The sign-in was stopped.');
    await expect.poll(() => card(secondPhone).textContent()).toContain('Denied on another device.');
    await expect.poll(() => signin.page.locator('#status').textContent(), { timeout: 15_000 }).toMatch(/denied on your device/);
    expect(signin.posted()).toBe('');
    await signin.context.close();
    await card(phone).getByRole('button', { name: 'Dismiss' }).click();
  });

  it('revokes the first phone from the second one’s device list, after a confirmation; the first phone says it was removed', async () => {
    await secondPhone.getByRole('button', { name: 'Devices' }).click();
    await expect.poll(() => secondPhone.locator('.device-row').count()).toBe(3);
    expect(await secondPhone.locator('.device-row', { hasText: 'Jo’s second phone' }).textContent()).toContain('This device');
    await screenshot(secondPhone, 'web-authenticator-devices-phone');
    await secondPhone.setViewportSize(VIEWPORTS.laptop);
    await screenshot(secondPhone, 'web-authenticator-devices-laptop');
    await secondPhone.setViewportSize(VIEWPORTS.phone);
    await secondPhone.getByRole('button', { name: 'Revoke Jo’s first phone' }).click();
    const confirm = secondPhone.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('cannot be undone');
    await confirm.getByRole('button', { name: 'Revoke device' }).click();
    await expect.poll(() => secondPhone.getByText('“Jo’s first phone” was revoked').isVisible()).toBe(true);
    await expect.poll(() => phone.getByRole('heading', { name: 'This device was removed' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(phone, 'web-authenticator-revoked-phone');
    expect(problems).toEqual([]);
    await phoneContext.close();
  });
});
