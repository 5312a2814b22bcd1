import { createCommandHandler, fold, streamId } from '../api/commands';
import type { Sealer } from '../api/crypto';
import { ADMIN_INVITATION_SEAL_CONTEXT, tenantDecider, type TenantEvent } from '../api/domain/tenant';
import type { EventStore, RecordedEvent } from '../api/eventstore';
import { PermanentJobError, type Job, type JobFailure } from './job-queue';
import type { MailTransport } from './mail/mail-transport';
import { renderAdminInvitationEmail } from './mail/templates/admin-invitation-email';
import type { Reactor } from './reactor';

export const ADMIN_INVITATION_MAIL_JOB = 'admin-invitation';

export interface AdminInvitationMailJob {
  tenantId: string;
  adminId: string;
  /** The AdminInvited or AdminInvitationResent event: mailed only while its link is the current one. */
  eventId: string;
}

type LinkEvent = RecordedEvent & Extract<TenantEvent, { type: 'AdminInvited' | 'AdminInvitationResent' }>;

/** Each invitation (and each resend) becomes one job on the mail queue, its id from the event id. */
export const adminInvitationMailReactor: Reactor = {
  name: 'admin-invitation-mail',
  eventTypes: ['AdminInvited', 'AdminInvitationResent'],
  react(recorded: RecordedEvent) {
    const job: AdminInvitationMailJob = { tenantId: recorded.metadata.tenantId, adminId: (recorded.data as { adminId: string }).adminId, eventId: recorded.eventId };
    return [{ queue: 'mail', name: ADMIN_INVITATION_MAIL_JOB, data: job, options: { attempts: 6, backoffMs: 5_000 } }];
  },
};

const INTERNAL_REASON = 'Countersign could not send the email because of an internal error; the details are in the server log.';

/**
 * Sends the invitation email. A link that was replaced, used, revoked or expired before the
 * job ran is not sent; the idempotency key (the event id) keeps a retried job from sending twice.
 * A failed try is recorded on the invitation (AdminInvitationEmailFailed), so the owner sees
 * why once the worker gives up.
 */
export function createAdminInvitationMailProcessor(deps: {
  store: EventStore;
  sealer: Sealer;
  transport: MailTransport;
  mailFrom: string;
  now: () => Date;
  logger: { error(details: object, message: string): void };
}) {
  const handle = createCommandHandler({ store: deps.store, now: deps.now });
  /** Errors the mail server caused: their messages are written for admins. */
  const mailErrors = new WeakSet<Error>();
  return {
    async handle(job: Job<AdminInvitationMailJob>): Promise<void> {
      const { tenantId, adminId, eventId } = job.data;
      const recorded = await deps.store.readStream(streamId('tenant', tenantId, tenantId));
      const events = recorded as unknown as TenantEvent[];
      const sent = recorded.find((e) => e.eventId === eventId) as LinkEvent | undefined;
      const admin = fold(tenantDecider, events).admins.get(adminId);
      if (!sent || admin?.status !== 'invited' || admin.invitation?.tokenHash !== sent.data.tokenHash || sent.data.expiresAt <= deps.now().toISOString()) return;
      const invited = events.find((e): e is Extract<TenantEvent, { type: 'AdminInvited' }> => e.type === 'AdminInvited' && e.data.adminId === adminId);
      const inviterId = invited?.data.invitedBy;
      const inviter = events.find((e) => (e.type === 'AdminAdded' || e.type === 'AdminInvited') && e.data.adminId === inviterId) as { data: { email: string } } | undefined;
      const created = events.find((e) => e.type === 'TenantCreated') as { data: { name: string } } | undefined;
      const email = renderAdminInvitationEmail({
        organisation: created?.data.name ?? tenantId,
        role: admin.role,
        invitedBy: inviter?.data.email ?? null,
        link: deps.sealer.unseal(sent.data.link, ADMIN_INVITATION_SEAL_CONTEXT),
        expiresAt: new Date(sent.data.expiresAt),
      });
      try {
        await deps.transport.send({ to: sent.data.email, from: deps.mailFrom, ...email, idempotencyKey: eventId, tenantId });
      } catch (error) {
        if (error instanceof Error) mailErrors.add(error);
        throw error;
      }
    },
    /** The queue's `onFailed`: records why a try failed on the invitation whose link it carried. */
    async onFailed({ job, error, final }: JobFailure): Promise<void> {
      const { tenantId, adminId, eventId } = job.data as AdminInvitationMailJob;
      const readable = mailErrors.has(error) || error instanceof PermanentJobError;
      if (!readable) deps.logger.error({ err: error, adminId }, 'admin invitation email failed');
      const stream = streamId('tenant', tenantId, tenantId);
      const sent = (await deps.store.readStream(stream)).find((e) => e.eventId === eventId) as LinkEvent | undefined;
      if (!sent) return;
      await handle(tenantDecider, stream, { type: 'RecordInvitationEmailFailure', adminId, tokenHash: sent.data.tokenHash, reason: readable ? error.message : INTERNAL_REASON, final }, {
        tenantId, actor: { kind: 'system', id: 'mail-worker' }, correlationId: sent.metadata.correlationId, causationId: eventId,
      });
    },
  };
}
