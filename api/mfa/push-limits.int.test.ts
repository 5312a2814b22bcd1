import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollDevice, setUpPushService } from '../../test/support/push-service-setup';
import { SP, USER } from '../../test/support/saml-test-setup';
import { formAction, ssoClient } from '../../test/support/sso-client';
import { startTestServer } from '../../test/support/start-test-server';

const request = (id: string) =>
  Buffer.from(`<samlp:AuthnRequest xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="_${id}" Version="2.0" IssueInstant="${new Date().toISOString()}"><saml:Issuer>${SP.entityId}</saml:Issuer></samlp:AuthnRequest>`).toString('base64');

/**
 * The push limits hold when one user's sign-ins arrive together: each push is issued only
 * once the one before is in the read models the limits count, though no sign-in waits for
 * its own push to get there.
 */
describe('push limits under simultaneous sign-ins', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let serviceId: string;

  beforeAll(async () => {
    server = await startTestServer({ COUNTERSIGN_PUSH_MAX_PENDING: '1' });
    const setup = await setUpPushService(server);
    await enrollDevice(server.url, setup.enrollmentLink, 'Silent phone');
    serviceId = setup.service.id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('five password steps at once: one push is sent, four are held back, and each waiting page says which', async () => {
    const browsers = await Promise.all(Array.from({ length: 5 }, async (_, i) => {
      const browser = ssoClient(server.url);
      const start = await browser.postForm(`/saml/${serviceId}/sso`, { SAMLRequest: request(`limits-${i}-${Date.now()}`) });
      const page = await (await browser.get(start.headers.get('location')!)).text();
      return { browser, action: formAction(page)! };
    }));
    const answers = await Promise.all(browsers.map(({ browser, action }) => browser.postForm(action, { username: USER.username, password: USER.password })));
    const pages = await Promise.all(answers.map(async (answer, i) => {
      expect(answer.status).toBe(303);
      return (await browsers[i]!.browser.get(answer.headers.get('location')!)).text();
    }));

    await server.readModelsCaughtUp();
    const statuses = server.services.readDb.prepare('SELECT status FROM push_challenges ORDER BY issued_at').pluck().all();
    expect(statuses.filter((s) => s === 'PENDING')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'SUPPRESSED')).toHaveLength(4);
    expect(pages.filter((html) => /id="number"/.test(html))).toHaveLength(1);
    expect(pages.filter((html) => /Too many approval requests were sent recently/.test(html))).toHaveLength(4);
  });
});
