import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlClient } from '../test/support/graphql-client';
import { startTestServer, TEST_ADMIN } from '../test/support/start-test-server';
import { startSmtpTestServer, type SmtpTestServer } from '../test/smtp/start-smtp-test-server';

const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { csrfToken } }';
const INVITE = 'mutation($email: String!) { inviteAdmin(input: { email: $email, role: ADMIN }) { id } }';
const ADMINS = '{ admins { admins { email state invitationEmailProblem } } }';

/** An invitation the mail server refuses is not silently lost: the owner sees why, and a resend clears it. */
describe('admin invitation emails the mail server refuses', () => {
  let smtp: SmtpTestServer;
  let server: Awaited<ReturnType<typeof startTestServer>>;

  beforeAll(async () => {
    smtp = await startSmtpTestServer({ rejectRecipients: ['typo@exmaple.test'] });
    server = await startTestServer({ SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.stop();
  });

  it('records why the email could not be sent on the invitation, in the list and the audit history', async () => {
    const owner = graphqlClient(server.url);
    await owner.request(SIGN_IN, { e: TEST_ADMIN.email, p: TEST_ADMIN.password });
    const invited = await owner.request<{ inviteAdmin: { id: string } }>(INVITE, { email: 'typo@exmaple.test' });
    expect(invited.errors).toBeUndefined();

    const problemOf = async () =>
      (await owner.request<{ admins: { admins: Array<{ email: string; invitationEmailProblem: string | null }> } }>(ADMINS)).data!.admins.admins.find((a) => a.email === 'typo@exmaple.test')
        ?.invitationEmailProblem;
    await expect.poll(problemOf, { timeout: 20_000, interval: 200 }).toMatch(/typo@exmaple\.test/);
    expect(await problemOf()).toMatch(/refused|rejected|unknown/i);
    await server.readModelsCaughtUp();
    const audit = server.services.readDb.prepare("SELECT summary FROM audit_events WHERE type = 'AdminInvitationEmailFailed'").pluck().all() as string[];
    expect(audit.at(-1)).toMatch(/^Invitation email to typo@exmaple\.test could not be sent: /);

    // A resend mails a new link: its refusal is recorded again, for the new link.
    await owner.request('mutation($id: ID!) { resendAdminInvitation(id: $id) { id } }', { id: invited.data!.inviteAdmin.id });
    const failures = () => (server.services.readDb.prepare("SELECT COUNT(*) FROM audit_events WHERE type = 'AdminInvitationEmailFailed'").pluck().get() as number);
    await expect.poll(failures, { timeout: 20_000, interval: 200 }).toBe(audit.length + 1);
    expect(await problemOf()).toMatch(/typo@exmaple\.test/);
  });
});
