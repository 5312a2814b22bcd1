import { streamId, type CommandBus, type CommandContext } from '../api/commands';
import { UnsealError, type Sealer } from '../api/crypto';
import { ACTIVATION_CODE_SEAL_CONTEXT, enrollmentDecider, type EnrollmentCommand, type EnrollmentEvent } from '../api/domain/enrollment';
import type { EventStore, RecordedEvent } from '../api/eventstore';
import { isAppError } from '../api/errors';
import { ACTIVATION_QR_PREFIX } from '../api/mfa/activation-code';
import { PermanentJobError, type Job, type JobFailure } from './job-queue';
import type { MailTransport } from './mail/mail-transport';
import { renderActivationEmail } from './mail/templates/activation-email';
import { renderNewDeviceEmail } from './mail/templates/new-device-email';
import { loadDefaultTheme } from './mail/internal/load-default-theme';
import { ACTIVATION_MAIL_JOB, NEW_DEVICE_MAIL_JOB, type ActivationMailJob, type NewDeviceMailJob } from './mfa-mail.reactor';

export interface MfaMailDeps {
  store: EventStore;
  execute: CommandBus;
  sealer: Sealer;
  transport: MailTransport;
  /** `COUNTERSIGN_MAIL_FROM`. */
  mailFrom: string;
  now: () => Date;
  logger: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

type Recorded<T extends EnrollmentEvent['type']> = RecordedEvent & Extract<EnrollmentEvent, { type: T }>;
const INTERNAL_REASON = 'Countersign could not send the email because of an internal error; the details are in the server log.';

/**
 * Sends the enrollment emails and records each outcome on the enrollment's stream. The
 * enrollment is read from its stream (read models may lag the event that queued the job);
 * the idempotency key (code id, device id) keeps a retried job from sending a second message.
 */
export function createMfaMailProcessor(deps: MfaMailDeps) {
  const mailErrors = new WeakSet<Error>();
  const read = async (tenantId: string, enrollmentId: string) => (await deps.store.readStream(streamId('enrollment', tenantId, enrollmentId))) as unknown as (RecordedEvent & EnrollmentEvent)[];

  async function record(tenantId: string, enrollmentId: string, cause: RecordedEvent, command: EnrollmentCommand): Promise<void> {
    const ctx: CommandContext = { tenantId, actor: { kind: 'system', id: 'mail-worker' }, correlationId: cause.metadata.correlationId, causationId: cause.eventId };
    try {
      await deps.execute(enrollmentDecider, streamId('enrollment', tenantId, enrollmentId), command, ctx);
    } catch (error) {
      if (isAppError(error) && error.code === 'READ_MODEL_TIMEOUT') return;
      throw error;
    }
  }

  async function send(message: Parameters<MailTransport['send']>[0]): Promise<string> {
    try {
      return (await deps.transport.send(message)).messageId;
    } catch (error) {
      if (error instanceof Error) mailErrors.add(error);
      throw error;
    }
  }

  const activation = {
    async find(job: ActivationMailJob) {
      const events = await read(job.tenantId, job.enrollmentId);
      const issued = events.find((e): e is Recorded<'ActivationCodeIssued'> => e.type === 'ActivationCodeIssued' && e.data.codeId === job.codeId);
      const passed = events.findLast((e): e is Recorded<'EnrollmentPrimaryAuthPassed'> => e.type === 'EnrollmentPrimaryAuthPassed');
      const done = events.some((e) => e.type === 'ActivationEmailSent' && e.data.codeId === job.codeId) || events.some((e) => e.type === 'EnrollmentActivated');
      return issued && issued.data.email && issued.data.sealedCode && !done ? { issued, displayName: passed?.data.displayName ?? issued.data.email } : null;
    },
    async handle(job: Job<ActivationMailJob>) {
      const found = await activation.find(job.data);
      if (!found) return;
      const { issued } = found;
      const expiresAt = new Date(issued.data.expiresAt);
      if (expiresAt <= deps.now()) throw new PermanentJobError('The activation code expired before the email could be sent; sign in again in the authenticator for a new one.');
      let code: string;
      try {
        code = deps.sealer.unseal(issued.data.sealedCode!, ACTIVATION_CODE_SEAL_CONTEXT);
      } catch (error) {
        if (!(error instanceof UnsealError)) throw error;
        throw new PermanentJobError('The activation code cannot be opened: the master key it was sealed with is not configured.');
      }
      const content = await renderActivationEmail({ qrText: `${ACTIVATION_QR_PREFIX}${code}`, code, expiresAt, displayName: found.displayName, qrContentId: `qr-${job.data.codeId}@countersign`, theme: await loadDefaultTheme(deps.store, job.data.tenantId) });
      const messageId = await send({ ...content, to: issued.data.email!, from: deps.mailFrom, headers: { 'Auto-Submitted': 'auto-generated' }, idempotencyKey: `activation-${job.data.codeId}`, tenantId: job.data.tenantId });
      await record(job.data.tenantId, job.data.enrollmentId, issued, { type: 'RecordActivationEmail', codeId: job.data.codeId, outcome: { sent: true, messageId } });
    },
    async onFailed({ job, error, final }: JobFailure) {
      const data = job.data as ActivationMailJob;
      const readable = mailErrors.has(error) || error instanceof PermanentJobError;
      if (!readable) deps.logger.error({ err: error, enrollmentId: data.enrollmentId }, 'activation email failed');
      const found = await activation.find(data);
      if (!found) return;
      await record(data.tenantId, data.enrollmentId, found.issued, { type: 'RecordActivationEmail', codeId: data.codeId, outcome: { sent: false, reason: readable ? error.message : INTERNAL_REASON, final } });
    },
  };

  const notice = {
    async find(job: NewDeviceMailJob) {
      const events = await read(job.tenantId, job.enrollmentId);
      const activated = events.find((e): e is Recorded<'EnrollmentActivated'> => e.type === 'EnrollmentActivated' && e.data.deviceId === job.deviceId);
      const passed = events.findLast((e): e is Recorded<'EnrollmentPrimaryAuthPassed'> => e.type === 'EnrollmentPrimaryAuthPassed');
      const done = events.some((e) => e.type === 'NewDeviceNoticeSent');
      return activated?.data.email && !done ? { activated, displayName: passed?.data.displayName ?? activated.data.username } : null;
    },
    async handle(job: Job<NewDeviceMailJob>) {
      const found = await notice.find(job.data);
      if (!found) return;
      const { activated } = found;
      const content = renderNewDeviceEmail({
        displayName: found.displayName, deviceName: activated.data.deviceName, activatedAt: new Date(activated.metadata.timestamp),
        ip: activated.metadata.ip ?? null, userAgent: activated.metadata.userAgent ?? null, theme: await loadDefaultTheme(deps.store, job.data.tenantId),
      });
      const messageId = await send({ ...content, to: activated.data.email!, from: deps.mailFrom, headers: { 'Auto-Submitted': 'auto-generated' }, idempotencyKey: `new-device-${job.data.deviceId}`, tenantId: job.data.tenantId });
      await record(job.data.tenantId, job.data.enrollmentId, activated, { type: 'RecordNewDeviceNotice', outcome: { sent: true, messageId } });
    },
    async onFailed({ job, error, final }: JobFailure) {
      const data = job.data as NewDeviceMailJob;
      const readable = mailErrors.has(error) || error instanceof PermanentJobError;
      if (!readable) deps.logger.error({ err: error, enrollmentId: data.enrollmentId }, 'new device notice failed');
      const found = await notice.find(data);
      if (!found) return;
      await record(data.tenantId, data.enrollmentId, found.activated, { type: 'RecordNewDeviceNotice', outcome: { sent: false, reason: readable ? error.message : INTERNAL_REASON, final } });
    },
  };

  return {
    [ACTIVATION_MAIL_JOB]: activation as { handle(job: Job<never>): Promise<void>; onFailed(failure: JobFailure): Promise<void> },
    [NEW_DEVICE_MAIL_JOB]: notice as { handle(job: Job<never>): Promise<void>; onFailed(failure: JobFailure): Promise<void> },
  };
}
