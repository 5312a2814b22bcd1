import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../../test/support/graphql-client';
import { setUpGenericService, SP, USER } from '../../test/support/saml-test-setup';
import { formAction, formField, ssoClient } from '../../test/support/sso-client';
import { startTestServer, TEST_ADMIN } from '../../test/support/start-test-server';
import { startSmtpTestServer, type SmtpTestServer } from '../../test/smtp/start-smtp-test-server';
import { cliAuthenticator as authenticator, type Line } from '../../test/support/cli-authenticator';

const REFEDS_MFA = 'https://refeds.org/profile/mfa';
const MS_MULTIPLE_AUTHN = 'http://schemas.microsoft.com/claims/multipleauthn';

/** Reads a Server-Sent Events stream until a `status` event matches. */
async function waitStatus(url: string, cookie: string, match: (status: Line) => boolean, timeoutMs = 20_000): Promise<Line[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const seen: Line[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the wait stream ended after ${JSON.stringify(seen)}`);
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: status$/m.test(block) && data) {
          const status = JSON.parse(data) as Line;
          seen.push(status);
          if (match(status)) return seen;
        }
      }
    }
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

/** Emails the real SMTP server process has received, parsed. */
async function received(smtp: SmtpTestServer) {
  return Promise.all((await smtp.readMessages()).map((m) => PostalMime.parse(m.raw)));
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ENABLE_SERVICE = 'mutation($p: ID!, $s: ID!, $on: Boolean!) { setTokenPackService(tokenPackId: $p, serviceId: $s, enabled: $on) { id } }';

describe('push sign-in with number matching, from token pack enrollment to a multi-factor SAML Response', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let smtp: SmtpTestServer;
  let setup: Awaited<ReturnType<typeof setUpGenericService>>;
  let link: string;
  let store: string;
  let deviceId: string;
  let listener: ReturnType<typeof authenticator> | undefined;
  let admin: ReturnType<typeof graphqlClient>;
  let must: <T>(r: { data?: T; errors?: unknown }) => T;
  let sendLink: (packId: string) => Promise<string>;
  const store2 = join(mkdtempSync(join(tmpdir(), 'cs-authenticator-')), 'second');
  let device2 = '';
  let firstPackId = '';

  const sp = () =>
    new SAML({
      callbackUrl: SP.acsUrl, entryPoint: setup.service.ssoUrl, issuer: SP.entityId, audience: SP.entityId,
      idpCert: setup.connector.signingCertificate.certificatePem, idpIssuer: setup.connector.issuer,
      wantAssertionsSigned: true, wantAuthnResponseSigned: true, validateInResponseTo: ValidateInResponseTo.always,
      identifierFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });

  /** SP-initiated sign-in up to the waiting page: the browser, the page, its number and wait URL. */
  async function signInToWaitingPage(provider: SAML) {
    const browser = ssoClient(server.url);
    const start = await browser.get(await provider.getAuthorizeUrlAsync('', undefined, {}));
    expect(start.status).toBe(303);
    const page = await (await browser.get(start.headers.get('location')!)).text();
    const answer = await browser.postForm(formAction(page)!, { username: USER.username, password: USER.password });
    expect(answer.status).toBe(303);
    const approve = answer.headers.get('location')!;
    expect(approve).toMatch(/\/signin\/[0-9a-f-]+\/approve$/);
    const waiting = await browser.get(approve);
    const html = await waiting.text();
    expect(waiting.status).toBe(200);
    expect(waiting.headers.get('content-security-policy')).toMatch(/script-src 'sha256-[^']+'; connect-src 'self'/);
    const number = /id="number"[^>]*>(\d+)</.exec(html)?.[1];
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return { browser, html, number: number === undefined ? null : Number(number), approve, waitUrl: `${server.url}${approve.replace(/approve$/, 'wait')}`, cookie };
  }

  beforeAll(async () => {
    // Mail goes through a real SMTP server process, as in production.
    smtp = await startSmtpTestServer();
    server = await startTestServer({ SMTP_URL: smtp.url });
    admin = graphqlClient(server.url);
    must = <T>(r: { data?: T; errors?: unknown }) => {
      if (r.errors || !r.data) throw new Error(`GraphQL failed: ${JSON.stringify(r.errors)}`);
      return r.data;
    };
    await admin.request('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }', { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    setup = await setUpGenericService(admin);
    must(await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', { id: setup.service.id, i: { secondFactor: 'REQUIRED' } }));
    // A token pack for the test directory that trusts loopback, sent to the user.
    const pack = must(await admin.request<{ createTokenPack: { id: string } }>('mutation($i: TokenPackInput!) { createTokenPack(input: $i) { id } }', {
      i: { name: 'Staff phones', primaryDirectoryId: setup.directoryId },
    })).createTokenPack;
    must(await admin.request('mutation($p: ID!, $i: TrustedNetworkInput!) { addTrustedNetwork(tokenPackId: $p, input: $i) { id } }', { p: pack.id, i: { name: 'Loopback', cidr: '127.0.0.1/32' } }));
    must(await admin.request(ENABLE_SERVICE, { p: pack.id, s: setup.service.id, on: true }));
    // The link is read from the token pack email the SMTP server received.
    sendLink = async (packId: string) => {
      const before = (await smtp.readMessages()).length;
      must(await admin.request('mutation($p: ID!, $e: [String!]!) { sendTokenPack(tokenPackId: $p, emails: $e) { id } }', { p: packId, e: [USER.email] }));
      const mails = await until(() => received(smtp), (m) => m.length > before && m.slice(before).some((x) => x.subject?.startsWith('Set up your phone')), 'the token pack email');
      const mail = mails.slice(before).find((x) => x.subject?.startsWith('Set up your phone'))!;
      expect(mail.to?.[0]?.address).toBe(USER.email);
      expect(mail.attachments.some((a) => a.mimeType === 'image/png')).toBe(true);
      return /https?:\/\/\S+\/enroll\/\S+/.exec(mail.text ?? '')![0];
    };
    firstPackId = pack.id;
    link = await sendLink(pack.id);
    store = join(mkdtempSync(join(tmpdir(), 'cs-authenticator-')), 'keys');
  });

  afterAll(async () => {
    listener?.child.kill();
    await server?.stop();
    await smtp?.stop();
  });

  it('enrolls the command-line authenticator from the token pack link; on a trusted network it activates at once', async () => {
    const enroll = authenticator(store, ['enroll', link, '--username', USER.username, '--password-stdin', '--name', 'Test CLI']);
    enroll.write(USER.password);
    expect(await enroll.exit, enroll.stderr()).toBe(0);
    const enrolled = await enroll.waitFor((l) => l.event === 'enrolled');
    deviceId = String(enrolled.deviceId);
    const file = String(enrolled.file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(store).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ deviceId, privateKeyJwk: { kty: 'EC', crv: 'P-256', d: expect.any(String) } });
    // The server keeps only the public key; the audit shows each step.
    await server.readModelsCaughtUp();
    const types = (server.services.readDb.prepare("SELECT type FROM audit_events WHERE stream_id LIKE 'enrollment-%' OR stream_id LIKE 'device-%' ORDER BY position").pluck().all() as string[]);
    // (The new-device notice follows from the mail worker; the email-path test checks it.)
    expect(types.filter((t) => !t.startsWith('NewDeviceNotice'))).toEqual(['EnrollmentStarted', 'EnrollmentPrimaryAuthPassed', 'ActivationCodeIssued', 'EnrollmentActivated', 'DeviceActivated']);
  });

  it('a push approved with the number on the page completes the sign-in: the SP accepts a multi-factor Response', async () => {
    listener = authenticator(store, ['listen', '--approve-all']);
    await listener.waitFor((l) => l.event === 'ready');
    const provider = sp();
    const from = listener.lines.length;
    const waiting = await signInToWaitingPage(provider);
    expect(waiting.number).toBeGreaterThanOrEqual(10);
    const challenge = await listener.waitFor((l) => l.event === 'challenge', from);
    expect(challenge).toMatchObject({ serviceName: 'Test app', username: USER.username, clientIp: '127.0.0.1' });
    expect(challenge.numberChoices).toContain(waiting.number);
    expect(challenge).not.toHaveProperty('number');

    const statuses = waitStatus(waiting.waitUrl, waiting.cookie, (s) => s.state === 'APPROVED');
    listener.write(String(waiting.number));
    expect(await listener.waitFor((l) => l.event === 'answered', from)).toMatchObject({ status: 'APPROVED' });
    expect((await statuses).map((s) => s.state)).toContain('APPROVED');

    const done = await waiting.browser.postForm(`${waiting.approve.replace(/approve$/, 'continue')}`, {});
    const html = await done.text();
    expect(done.status).toBe(200);
    expect(formAction(html)).toBe(SP.acsUrl);
    const samlResponse = formField(html, 'SAMLResponse')!;
    const { profile } = await provider.validatePostResponseAsync({ SAMLResponse: samlResponse });
    expect(profile).toMatchObject({ nameID: USER.email });
    expect(Buffer.from(samlResponse, 'base64').toString()).toContain(`<saml:AuthnContextClassRef>${REFEDS_MFA}</saml:AuthnContextClassRef>`);
    // Only once: the page cannot collect a second Response.
    const again = await waiting.browser.postForm(`${waiting.approve.replace(/approve$/, 'continue')}`, {});
    expect(formField(await again.text(), 'SAMLResponse')).toBeUndefined();
  });

  it('the wrong number ends the push; the page says so and offers a new request or a code', async () => {
    const from = listener!.lines.length;
    const waiting = await signInToWaitingPage(sp());
    const challenge = await listener!.waitFor((l) => l.event === 'challenge', from);
    const wrong = (challenge.numberChoices as number[]).find((n) => n !== waiting.number)!;
    const statuses = waitStatus(waiting.waitUrl, waiting.cookie, (s) => s.final === true);
    listener!.write(String(wrong));
    expect(await listener!.waitFor((l) => l.event === 'answer-refused', from)).toMatchObject({ code: 'CHALLENGE_WRONG_NUMBER' });
    const last = (await statuses).at(-1)!;
    expect(last).toMatchObject({ state: 'WRONG_NUMBER', message: expect.stringMatching(/did not match/) });
    const cont = await waiting.browser.postForm(`${waiting.approve.replace(/approve$/, 'continue')}`, {});
    expect(cont.status).toBe(303);
    expect(cont.headers.get('location')).toBe(waiting.approve);

    // "Send a new request" issues a fresh push for the same sign-in, which can be approved.
    const resent = await waiting.browser.postForm(`${waiting.approve.replace(/approve$/, 'resend')}`, {});
    expect(resent.status).toBe(303);
    const page = await (await waiting.browser.get(waiting.approve)).text();
    const number = Number(/id="number"[^>]*>(\d+)</.exec(page)![1]);
    await listener!.waitFor((l) => l.event === 'challenge' && l.challengeId !== challenge.challengeId, from);
    listener!.write(String(number));
    await waitStatus(waiting.waitUrl, waiting.cookie, (s) => s.state === 'APPROVED');
    const done = await waiting.browser.postForm(`${waiting.approve.replace(/approve$/, 'continue')}`, {});
    expect(formField(await done.text(), 'SAMLResponse')).toBeDefined();
  });

  it('a device answers only for the services its token pack enables; a disabled service gets no push and says why', async () => {
    must(await admin.request(ENABLE_SERVICE, { p: firstPackId, s: setup.service.id, on: false }));
    try {
      const browser = ssoClient(server.url);
      const start = await browser.get(await sp().getAuthorizeUrlAsync('', undefined, {}));
      const page = await (await browser.get(start.headers.get('location')!)).text();
      const answer = await browser.postForm(formAction(page)!, { username: USER.username, password: USER.password });
      expect(answer.status).toBe(403);
      const html = await answer.text();
      expect(html).toContain('your authenticator is not set up for');
      expect(html).toContain('enable');
    } finally {
      must(await admin.request(ENABLE_SERVICE, { p: firstPackId, s: setup.service.id, on: true }));
    }
  });

  it('off the trusted networks the activation code is emailed; the user is told a device was added; Office 365 gets the MFA claim', async () => {
    // A pack with no trusted network: the code goes to the address the directory holds.
    const pack = must(await admin.request<{ createTokenPack: { id: string } }>('mutation($i: TokenPackInput!) { createTokenPack(input: $i) { id } }', {
      i: { name: 'Remote staff', primaryDirectoryId: setup.directoryId },
    })).createTokenPack;
    must(await admin.request(ENABLE_SERVICE, { p: pack.id, s: setup.service.id, on: true }));
    const remoteLink = await sendLink(pack.id);
    const enroll = authenticator(store2, ['enroll', remoteLink, '--username', USER.username, '--password-stdin', '--name', 'Second CLI']);
    enroll.write(USER.password);
    await enroll.waitFor((l) => typeof l.text === 'string' && /activation code was emailed to j…@example\.test/.test(l.text as string));
    const [activation] = await until(async () => (await received(smtp)).filter((m) => m.subject === 'Your activation code'), (m) => m.length === 1, 'the activation email');
    expect(activation!.to?.[0]?.address).toBe(USER.email);
    expect(activation!.attachments.some((a) => a.mimeType === 'image/png')).toBe(true);
    const code = /^(\S+~[0-9a-f-]{36}\.[A-Za-z0-9_-]{27})$/m.exec(activation!.text!)![1]!;
    enroll.write(code);
    expect(await enroll.exit, enroll.stderr()).toBe(0);
    device2 = String((await enroll.waitFor((l) => l.event === 'enrolled')).deviceId);
    const notice = await until(async () => (await received(smtp)).filter((m) => m.subject?.startsWith('A new device can now approve your sign-ins')), (m) => m.length === 2, 'both new-device notices');
    expect(notice.map((m) => m.subject).sort()).toEqual(['A new device can now approve your sign-ins: Second CLI', 'A new device can now approve your sign-ins: Test CLI']);

    // Office 365 (Entra-shaped request) with the second device approving.
    const connectors = must(await admin.request<{ samlConnectors: Array<{ id: string; kind: string }> }>('{ samlConnectors { id kind } }')).samlConnectors;
    const o365 = connectors.find((c) => c.kind === 'OFFICE_365')!;
    must(await admin.request('mutation($id: ID!, $i: SamlConnectorInput!) { updateSamlConnector(id: $id, input: $i) { id } }', {
      id: o365.id, i: { federatedDomain: 'example.test', brandName: 'Example', issuerUri: 'https://idp.countersign.test/example' },
    }));
    const services = must(await admin.request<{ services: Array<{ id: string; samlConnectorId: string }> }>('{ services { id samlConnectorId } }')).services;
    const o365Service = services.find((s) => s.samlConnectorId === o365.id)!.id;
    must(await admin.request('mutation($id: ID!, $i: ServiceInstanceInput!) { updateService(id: $id, input: $i) { id } }', { id: o365Service, i: { directoryConnectorId: setup.directoryId, secondFactor: 'REQUIRED' } }));
    must(await admin.request('mutation($id: ID!) { startService(id: $id) { state } }', { id: o365Service }));
    must(await admin.request(ENABLE_SERVICE, { p: pack.id, s: o365Service, on: true }));

    const second = authenticator(store2, ['listen', '--approve-all']);
    await second.waitFor((l) => l.event === 'ready');
    const id = `_${randomUUID()}`;
    const request = `<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${id}" IssueInstant="${new Date().toISOString()}" Version="2.0">`
      + '<Issuer xmlns="urn:oasis:names:tc:SAML:2.0:assertion">urn:federation:MicrosoftOnline</Issuer>'
      + '<samlp:NameIDPolicy Format="urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"/></samlp:AuthnRequest>';
    const browser = ssoClient(server.url);
    const start = await browser.postForm(`/saml/${o365Service}/sso`, { SAMLRequest: Buffer.from(request).toString('base64') });
    const page = await (await browser.get(start.headers.get('location')!)).text();
    const answer = await browser.postForm(formAction(page)!, { username: USER.username, password: USER.password });
    const approve = answer.headers.get('location')!;
    const number = Number(/id="number"[^>]*>(\d+)</.exec(await (await browser.get(approve)).text())![1]);
    const challenge = await second.waitFor((l) => l.event === 'challenge');
    expect(challenge).toMatchObject({ serviceName: expect.stringMatching(/365/) });
    second.write(String(number));
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    await waitStatus(`${server.url}${approve.replace(/approve$/, 'wait')}`, cookie, (s) => s.state === 'APPROVED');
    const done = await browser.postForm(approve.replace(/approve$/, 'continue'), {});
    const html = await done.text();
    expect(formAction(html)).toBe('https://login.microsoftonline.com/login.srf');
    const xml = Buffer.from(formField(html, 'SAMLResponse')!, 'base64').toString();
    expect(xml).toContain(`InResponseTo="${id}"`);
    expect(xml).toContain(`<saml:AuthnContextClassRef>${MS_MULTIPLE_AUTHN}</saml:AuthnContextClassRef>`);
    second.child.kill();
    await second.exit;
  });

  it('"this wasn\'t me" denies the sign-in, records a fraud report and pauses pushes; a TOTP code still works, once', async () => {
    listener!.child.kill();
    await listener!.exit;
    const denier = authenticator(store, ['listen', '--report-fraud', '--count', '1', '--device', deviceId]);
    await denier.waitFor((l) => l.event === 'ready');
    const waiting = await signInToWaitingPage(sp());
    const statuses = waitStatus(waiting.waitUrl, waiting.cookie, (s) => s.final === true);
    expect(await denier.waitFor((l) => l.event === 'answered')).toMatchObject({ decision: 'report-fraud', status: 'FRAUD_REPORTED' });
    expect((await statuses).at(-1)).toMatchObject({ state: 'FRAUD_REPORTED' });
    expect(await denier.exit).toBe(0);
    const ended = await waiting.browser.postForm(`${waiting.approve.replace(/approve$/, 'continue')}`, {});
    expect(formField(await ended.text(), 'SAMLResponse')).toBeUndefined();
    const signInId = /\/signin\/([^/]+)\/approve$/.exec(waiting.approve)![1];
    await server.readModelsCaughtUp();
    const audit = server.services.readDb.prepare("SELECT type FROM audit_events WHERE correlation_id = ? AND type IN ('FraudReported', 'AuthenticationFailed') ORDER BY position").pluck().all(signInId);
    expect(audit).toEqual(['FraudReported', 'AuthenticationFailed']);

    // Pushes are paused after the report: the next sign-in is offered a code instead.
    const next = await signInToWaitingPage(sp());
    expect(next.number).toBeNull();
    expect(next.html).toMatch(/paused/);
    const code = authenticator(store, ['code', '--device', deviceId]);
    const { code: totp } = (await code.waitFor((l) => typeof l.code === 'string')) as { code: string };
    const accepted = await next.browser.postForm(`${next.approve.replace(/approve$/, 'code')}`, { code: totp });
    const html = await accepted.text();
    const provider = sp();
    expect(formAction(html)).toBe(SP.acsUrl);
    expect(Buffer.from(formField(html, 'SAMLResponse')!, 'base64').toString()).toContain(REFEDS_MFA);

    // The same code again, in another sign-in within its 30 s window, is refused.
    const replay = await signInToWaitingPage(provider);
    const refused = await replay.browser.postForm(`${replay.approve.replace(/approve$/, 'code')}`, { code: totp });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/already used/);
  });

  it('a device revoked by an admin is disconnected at once; one revoked from itself is refused; with no device left the sign-in is refused', async () => {
    const second = authenticator(store2, ['listen', '--approve-all']);
    await second.waitFor((l) => l.event === 'ready');
    const listed = must(await admin.request<{ devices: Array<{ id: string; status: string }> }>('query($u: String) { devices(username: $u) { id status } }', { u: 'JO' })).devices;
    expect(listed.map((d) => d.id).sort()).toEqual([deviceId, device2].sort());
    const revoked = must(await admin.request<{ revokeDevice: { status: string; revokedBy: string } }>('mutation($id: ID!) { revokeDevice(id: $id, reason: "lost") { status revokedBy } }', { id: device2 })).revokeDevice;
    expect(revoked.status).toBe('REVOKED');
    await second.waitFor((l) => l.event === 'revoked');
    expect(await second.exit).toBe(3);

    const revoke = authenticator(store, ['revoke', deviceId, '--device', deviceId]);
    expect(await revoke.exit, revoke.stderr()).toBe(0);
    const list = authenticator(store, ['list', '--remote', '--device', deviceId]);
    expect(await list.exit).toBe(1);
    expect(list.stderr()).toMatch(/revoked/);
    const browser = ssoClient(server.url);
    const start = await browser.get(await sp().getAuthorizeUrlAsync('', undefined, {}));
    const page = await (await browser.get(start.headers.get('location')!)).text();
    const answer = await browser.postForm(formAction(page)!, { username: USER.username, password: USER.password });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toMatch(/no authenticator is set up/);
  });

  it('a waiting page is bound to the browser that signed in', async () => {
    const res = await fetch(`${server.url}/saml/${setup.service.id}/signin/00000000-0000-4000-8000-000000000000/approve`);
    expect(res.status).toBe(403);
  });
});
