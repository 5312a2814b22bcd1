import { fold, streamId } from '../api/commands';
import type { Sealer } from '../api/crypto';
import { ADMIN_INVITATION_SEAL_CONTEXT, tenantDecider, type TenantEvent } from '../api/domain/tenant';
import type { EventStore, RecordedEvent } from '../api/eventstore';
import type { Job } from './job-queue';
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

/**
 * Sends the invitation email. A link that was replaced, used, revoked or expired before the
 * job ran is not sent; the idempotency key (the event id) keeps a retried job from sending twice.
 */
export function createAdminInvitationMailProcessor(deps: { store: EventStore; sealer: Sealer; transport: MailTransport; mailFrom: string; now: () => Date }) {
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
      await deps.transport.send({ to: sent.data.email, from: deps.mailFrom, ...email, idempotencyKey: eventId, tenantId });
    },
    async onFailed() {},
  };
}
