import { PermanentJobError, type Job, type JobFailure, type JobQueue } from './job-queue';
import { createTokenPackMailProcessor, type TokenPackMailDeps } from './token-pack-mail.processor';
import { MAIL_QUEUE, TOKEN_PACK_MAIL_JOB } from './token-pack-mail.reactor';
import { createMfaMailProcessor } from './mfa-mail.processor';
import { createPasswordLinkMailProcessor, PASSWORD_LINK_MAIL_JOB } from './password-link-mail';
import { ADMIN_INVITATION_MAIL_JOB, createAdminInvitationMailProcessor } from './admin-invitation-mail';

export interface MailWorkerDeps extends TokenPackMailDeps {
  queue: JobQueue;
  /** Emails sent at once by this process (default 4). */
  concurrency?: number;
}

interface MailJobHandler {
  handle(job: Job<never>): Promise<void>;
  onFailed(failure: JobFailure): Promise<void>;
}

/**
 * Starts processing the `mail` queue in this process, one handler per job name (token pack
 * and password link emails). `close()` waits for the emails being sent, then closes the transport.
 */
export function registerMailWorkers(deps: MailWorkerDeps): { close(): Promise<void> } {
  const handlers: Record<string, MailJobHandler> = {
    [TOKEN_PACK_MAIL_JOB]: createTokenPackMailProcessor(deps) as MailJobHandler,
    ...(createMfaMailProcessor(deps) as Record<string, MailJobHandler>),
    [PASSWORD_LINK_MAIL_JOB]: createPasswordLinkMailProcessor(deps) as MailJobHandler,
    [ADMIN_INVITATION_MAIL_JOB]: createAdminInvitationMailProcessor(deps) as MailJobHandler,
  };
  const worker = deps.queue.process<never>(
    MAIL_QUEUE,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new PermanentJobError(`No mail worker handles "${job.name}" jobs.`);
      await handler.handle(job);
    },
    { concurrency: deps.concurrency ?? 4, onFailed: (failure) => handlers[failure.job.name]?.onFailed(failure) },
  );
  return {
    async close() {
      await worker.close();
      await deps.transport.close();
    },
  };
}
