import type { TokenPackEvent } from '../api/domain/token-pack';
import type { RecordedEvent } from '../api/eventstore';
import type { Reactor } from './reactor';

/** The mail queue: token pack emails now, activation emails later. */
export const MAIL_QUEUE = 'mail';
export const TOKEN_PACK_MAIL_JOB = 'token-pack';

/** What the token pack mail worker needs to find the send in its pack's stream. */
export interface TokenPackMailJob {
  tenantId: string;
  tokenPackId: string;
  sendId: string;
  email: string;
}

/**
 * Tries per email, and the first retry delay (doubling): 6 tries spread over about
 * 2.5 minutes ride out a mail relay restart without leaving the admin waiting long for FAILED.
 */
export const TOKEN_PACK_MAIL_ATTEMPTS = 6;
export const TOKEN_PACK_MAIL_BACKOFF_MS = 5_000;

/** Each requested send becomes one job on the mail queue (job id from the event id). */
export const tokenPackMailReactor: Reactor = {
  name: 'token-pack-mail',
  eventTypes: ['TokenPackSendRequested'],
  react(recorded: RecordedEvent) {
    const event = recorded as unknown as Extract<TokenPackEvent, { type: 'TokenPackSendRequested' }>;
    const data: TokenPackMailJob = {
      tenantId: recorded.metadata.tenantId,
      tokenPackId: event.data.tokenPackId,
      sendId: event.data.sendId,
      email: event.data.email,
    };
    return [{ queue: MAIL_QUEUE, name: TOKEN_PACK_MAIL_JOB, data, options: { attempts: TOKEN_PACK_MAIL_ATTEMPTS, backoffMs: TOKEN_PACK_MAIL_BACKOFF_MS } }];
  },
};
