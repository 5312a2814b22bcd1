import { fold, streamId, type CommandBus, type CommandContext } from '../api/commands';
import { UnsealError, type Sealer } from '../api/crypto';
import { ENROLLMENT_URL_SEAL_CONTEXT, tokenPackDecider, type SendState, type TokenPackCommand, type TokenPackEvent, type TokenPackState } from '../api/domain/token-pack';
import type { EventStore, RecordedEvent } from '../api/eventstore';
import { isAppError } from '../api/errors';
import { PermanentJobError, type Job, type JobFailure } from './job-queue';
import type { MailTransport } from './mail/mail-transport';
import { renderTokenPackEmail } from './mail/templates/token-pack-email';
import type { TokenPackMailJob } from './token-pack-mail.reactor';

export interface TokenPackMailDeps {
  store: EventStore;
  /** The command bus every other write goes through. */
  execute: CommandBus;
  sealer: Sealer;
  transport: MailTransport;
  /** `COUNTERSIGN_MAIL_FROM`. */
  mailFrom: string;
  now: () => Date;
  logger: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

interface FoundSend {
  state: Extract<TokenPackState, { status: 'active' }>;
  send: SendState;
  /** The TokenPackSendRequested event, for the outcome's correlation and causation. */
  request: RecordedEvent;
}

const INTERNAL_REASON = 'Countersign could not send the email because of an internal error; the details are in the server log.';

/**
 * Sends one token pack email and records the outcome as a command on the pack. The pack and
 * the sealed link are read from the pack's stream, not the read models, which may not have
 * caught up with the event that queued the job. The message's idempotency key is the send id,
 * so a retried job writes no second outbox file and sends the same Message-ID over SMTP.
 */
export function createTokenPackMailProcessor(deps: TokenPackMailDeps) {
  /** Errors from the transport: their messages are written for admins, unlike any other. */
  const mailErrors = new WeakSet<Error>();

  async function findSend(job: TokenPackMailJob): Promise<FoundSend | null> {
    const recorded = await deps.store.readStream(streamId('tokenPack', job.tenantId, job.tokenPackId));
    const state = fold(tokenPackDecider, recorded as unknown as TokenPackEvent[]);
    const send = state.status === 'active' ? state.sends[job.sendId] : undefined;
    const request = recorded.find((e) => e.type === 'TokenPackSendRequested' && (e.data as { sendId?: string }).sendId === job.sendId);
    if (state.status !== 'active' || !send || !request) {
      deps.logger.warn({ tokenPackId: job.tokenPackId, sendId: job.sendId }, 'token pack email skipped: the pack was deleted or has no such send');
      return null;
    }
    return { state, send, request };
  }

  async function record(job: TokenPackMailJob, request: RecordedEvent, command: TokenPackCommand): Promise<void> {
    const ctx: CommandContext = {
      tenantId: job.tenantId,
      actor: { kind: 'system', id: 'mail-worker' },
      correlationId: request.metadata.correlationId,
      causationId: request.eventId,
    };
    try {
      await deps.execute(tokenPackDecider, streamId('tokenPack', job.tenantId, job.tokenPackId), command, ctx);
    } catch (error) {
      // The outcome was stored; only this node's read models are slow to show it.
      if (isAppError(error) && error.code === 'READ_MODEL_TIMEOUT') return;
      throw error;
    }
  }

  return {
    async handle(job: Job<TokenPackMailJob>): Promise<void> {
      const found = await findSend(job.data);
      if (!found || found.send.status !== 'QUEUED') return;
      const { state, send, request } = found;
      const expiresAt = new Date(send.expiresAt);
      if (expiresAt <= deps.now()) throw new PermanentJobError('The enrollment link expired before the email could be sent; send the token pack again.');
      let enrollmentUrl: string;
      try {
        enrollmentUrl = deps.sealer.unseal(send.enrollmentUrl, ENROLLMENT_URL_SEAL_CONTEXT);
      } catch (error) {
        if (!(error instanceof UnsealError)) throw error;
        throw new PermanentJobError('The enrollment link cannot be opened: the master key it was sealed with is not configured; send the token pack again.');
      }
      const content = await renderTokenPackEmail({
        packName: state.settings.name,
        theme: state.settings.theme,
        enrollmentUrl,
        expiresAt,
        qrContentId: `qr-${job.data.sendId}@countersign`,
      });
      let messageId: string;
      try {
        ({ messageId } = await deps.transport.send({
          ...content,
          to: send.email,
          from: deps.mailFrom,
          headers: { 'Auto-Submitted': 'auto-generated' },
          idempotencyKey: job.data.sendId,
          tenantId: job.data.tenantId,
        }));
      } catch (error) {
        if (error instanceof Error) mailErrors.add(error);
        throw error;
      }
      await record(job.data, request, { type: 'RecordEmailSent', sendId: job.data.sendId, messageId });
    },

    /** The queue's `onFailed`: records why a try failed, and whether another will follow. */
    async onFailed({ job, error, final }: JobFailure): Promise<void> {
      const data = job.data as TokenPackMailJob;
      const readable = mailErrors.has(error) || error instanceof PermanentJobError;
      if (!readable) deps.logger.error({ err: error, tokenPackId: data.tokenPackId, sendId: data.sendId }, 'token pack email failed');
      const found = await findSend(data);
      if (!found || found.send.status !== 'QUEUED') return;
      await record(data, found.request, { type: 'RecordEmailFailed', sendId: data.sendId, reason: readable ? error.message : INTERNAL_REASON, final });
    },
  };
}

export type TokenPackMailProcessor = ReturnType<typeof createTokenPackMailProcessor>;
