import { fold, streamId } from '../api/commands';
import type { Sealer } from '../api/crypto';
import { directoryUserDecider, PASSWORD_LINK_SEAL_CONTEXT, type DirectoryUserEvent } from '../api/domain/directory-user';
import type { EventStore, RecordedEvent } from '../api/eventstore';
import type { Job } from './job-queue';
import type { MailTransport } from './mail/mail-transport';
import type { Reactor } from './reactor';
import { loadDefaultTheme } from './mail/internal/load-default-theme';
import { emailThemeHeader } from './mail/templates/email-theme-header';

export const PASSWORD_LINK_MAIL_JOB = 'password-link';

export interface PasswordLinkMailJob {
  tenantId: string;
  userId: string;
  /** The PasswordLinkIssued event: the email is sent only while it is the user's current link. */
  eventId: string;
}

/** Each issued password link becomes one job on the mail queue. */
export const passwordLinkMailReactor: Reactor = {
  name: 'password-link-mail',
  eventTypes: ['PasswordLinkIssued'],
  react(recorded: RecordedEvent) {
    const data = recorded.data as { userId: string };
    const job: PasswordLinkMailJob = { tenantId: recorded.metadata.tenantId, userId: data.userId, eventId: recorded.eventId };
    return [{ queue: 'mail', name: PASSWORD_LINK_MAIL_JOB, data: job, options: { attempts: 6, backoffMs: 5_000 } }];
  },
};

/**
 * Sends the password link email. A link that was replaced, used or expired before the job ran
 * is not sent; the idempotency key (the event id) keeps a retried job from sending twice.
 */
export function createPasswordLinkMailProcessor(deps: { store: EventStore; sealer: Sealer; transport: MailTransport; mailFrom: string; now: () => Date }) {
  return {
    async handle(job: Job<PasswordLinkMailJob>): Promise<void> {
      const recorded = await deps.store.readStream(streamId('directoryUser', job.data.tenantId, job.data.userId));
      const issued = recorded.find((e) => e.eventId === job.data.eventId) as (RecordedEvent & Extract<DirectoryUserEvent, { type: 'PasswordLinkIssued' }>) | undefined;
      const state = fold(directoryUserDecider, recorded as unknown as DirectoryUserEvent[]);
      if (!issued || state.status !== 'active' || state.link?.tokenHash !== issued.data.tokenHash || issued.data.expiresAt <= deps.now().toISOString()) return;
      const link = deps.sealer.unseal(issued.data.link, PASSWORD_LINK_SEAL_CONTEXT);
      const name = state.fields.displayName;
      await deps.transport.send({
        to: issued.data.email,
        from: deps.mailFrom,
        subject: 'Choose your password',
        text: `Hello ${name},\n\nYour administrator asked Countersign to let you choose your password for ${state.username}.\nOpen this link within 24 hours (it works once):\n\n${link}\n\nIf you did not expect this email, ignore it and tell your IT help desk.\n`,
        html: themedCard(
          emailThemeHeader(await loadDefaultTheme(deps.store, job.data.tenantId)),
          `<p>Hello ${escape(name)},</p><p>Your administrator asked Countersign to let you choose your password for <b>${escape(state.username)}</b>.</p><p><a href="${escape(link)}">Choose your password</a> (within 24 hours; the link works once).</p><p>If you did not expect this email, ignore it and tell your IT help desk.</p>`,
        ),
        idempotencyKey: job.data.eventId,
        tenantId: job.data.tenantId,
      });
    },
    async onFailed() {},
  };
}

/** With a theme, the message sits in a white card under its coloured header; without one it stays plain. */
function themedCard(header: string, body: string): string {
  return header ? `<div style="max-width:480px;margin:0 auto;background:#fff;border-radius:8px;padding:24px;border:1px solid #d9dde3">${header}${body}</div>` : body;
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
