import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { fold, streamId, type CommandBus, type CommandContext } from '../commands';
import { UnsealError, type Sealer } from '../crypto';
import {
  MAIL_SETTINGS_STREAM_ID,
  mailSettingsDecider,
  SMTP_PASSWORD_SEAL_CONTEXT,
  type MailSettingsCommand,
  type MailSettingsEvent,
  type PasswordChange,
  type SmtpSecurity,
} from '../domain/mail-settings';
import type { EventStore } from '../eventstore';
import { validationError } from '../errors';
import { createOutboxMailTransport, createSmtpMailTransport, createTenantSmtpTransport, PermanentJobError, type MailTransport } from '../../workers';
import { testEmail } from './test-email';

/** The organisation's own server as the read model holds it (no password, only whether one is set). */
export interface MailSettingsRow {
  host: string;
  port: number;
  security: SmtpSecurity;
  username: string | null;
  password_set: number;
  from_address: string;
  from_name: string | null;
  reply_to: string | null;
  updated_at: string;
}

/** How this organisation's mail leaves: its own server, the deployment's SMTP_URL, or the outbox folder. */
export type MailDelivery = 'ORGANISATION_SMTP' | 'DEPLOYMENT_SMTP' | 'OUTBOX';

export interface OutgoingMailStatus {
  settings: MailSettingsRow | null;
  delivery: MailDelivery;
  /** `host:port` of the server in effect; null when mail goes to the outbox. */
  server: string | null;
}

/** What an admin submits; an empty password keeps the stored one unless `clearPassword`. */
export interface MailSettingsUpdate {
  host: string;
  port: number;
  security: SmtpSecurity;
  username?: string | null;
  password?: string | null;
  clearPassword?: boolean | null;
  fromAddress: string;
  fromName?: string | null;
  replyTo?: string | null;
}

export interface MailSettingsServiceDeps {
  readDb: Database.Database;
  store: EventStore;
  execute: CommandBus;
  sealer: Sealer;
  config: { SMTP_URL?: string | undefined; COUNTERSIGN_MAIL_FROM: string; dataDir: string };
  /** Limit of each step of a test email, in ms (default 10 000). */
  testTimeoutMs?: number;
  logger: { error(details: object, message: string): void };
}

const EMAIL = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;
const MAX_PASSWORD = 1024;

/** `host:port` of an `SMTP_URL`, never its login. */
export function deploymentServerOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)}`;
  } catch {
    return null;
  }
}

/** Settings › Outgoing mail: the organisation's own SMTP server, and a test email through what is in effect. */
export function createMailSettingsService(deps: MailSettingsServiceDeps) {
  const stream = (tenantId: string) => streamId('mailSettings', tenantId, MAIL_SETTINGS_STREAM_ID);
  const run = (ctx: CommandContext, command: MailSettingsCommand) => deps.execute(mailSettingsDecider, stream(ctx.tenantId), command, ctx);
  const updateCommand = (input: MailSettingsUpdate): MailSettingsCommand => {
    const typed = input.password ?? '';
    if (typed && input.clearPassword) throw validationError({ password: 'Either type a new password or clear the stored one, not both.' });
    if (typed.length > MAX_PASSWORD) throw validationError({ password: `The password must be at most ${MAX_PASSWORD} characters.` });
    const password: PasswordChange = input.clearPassword
      ? { kind: 'clear' }
      : typed
        ? { kind: 'set', sealed: deps.sealer.seal(typed, SMTP_PASSWORD_SEAL_CONTEXT) }
        : { kind: 'keep' };
    return {
      type: 'UpdateMailSettings',
      settings: {
        host: input.host,
        port: input.port,
        security: input.security,
        username: input.username ?? null,
        fromAddress: input.fromAddress,
        fromName: input.fromName ?? null,
        replyTo: input.replyTo ?? null,
        password,
      },
    };
  };
  const rowStatement = deps.readDb.prepare('SELECT * FROM mail_settings WHERE tenant_id = ?');

  const status = (tenantId: string): OutgoingMailStatus => {
    const settings = (rowStatement.get(tenantId) as MailSettingsRow | undefined) ?? null;
    if (settings) return { settings, delivery: 'ORGANISATION_SMTP', server: `${settings.host}:${settings.port}` };
    const server = deploymentServerOf(deps.config.SMTP_URL);
    return { settings: null, delivery: server ? 'DEPLOYMENT_SMTP' : 'OUTBOX', server };
  };

  /** A transport for what is in effect now, read from the stream (the read model may lag a save). */
  async function transportInEffect(tenantId: string): Promise<{ transport: MailTransport; from: string; via: string; delivery: MailDelivery }> {
    const timeoutMs = deps.testTimeoutMs ?? 10_000;
    const state = fold(mailSettingsDecider, (await deps.store.readStream(stream(tenantId))) as unknown as MailSettingsEvent[]);
    if (state.status === 'set') {
      const { host, port } = state.settings;
      return { transport: createTenantSmtpTransport(state.settings, deps.sealer, { timeoutMs }), from: state.settings.fromAddress, via: `${host}:${port}`, delivery: 'ORGANISATION_SMTP' };
    }
    const from = deps.config.COUNTERSIGN_MAIL_FROM;
    if (deps.config.SMTP_URL) {
      return { transport: createSmtpMailTransport({ url: deps.config.SMTP_URL, timeoutMs }), from, via: deploymentServerOf(deps.config.SMTP_URL) ?? 'SMTP_URL', delivery: 'DEPLOYMENT_SMTP' };
    }
    return { transport: createOutboxMailTransport({ folder: join(deps.config.dataDir, 'outbox') }), from, via: 'the outbox folder', delivery: 'OUTBOX' };
  }

  return {
    status,
    async update(input: MailSettingsUpdate, ctx: CommandContext): Promise<OutgoingMailStatus> {
      await run(ctx, updateCommand(input));
      return status(ctx.tenantId);
    },
    /** What {@link update} would answer for these settings, without saving or contacting the server. */
    async check(input: MailSettingsUpdate, ctx: CommandContext): Promise<MailSettingsEvent[]> {
      return (await deps.execute.dryRun(mailSettingsDecider, stream(ctx.tenantId), updateCommand(input))).events;
    },
    async clear(ctx: CommandContext): Promise<OutgoingMailStatus> {
      await run(ctx, { type: 'ClearMailSettings' });
      return status(ctx.tenantId);
    },
    /**
     * Sends one test email now, through what is in effect, with a short timeout, and records
     * the outcome in the audit history. Never throws for a delivery problem: the outcome comes
     * back as `{ ok, message }` in plain words.
     */
    async sendTestEmail(to: string, ctx: CommandContext): Promise<{ ok: boolean; message: string }> {
      const recipient = to.trim();
      if (!EMAIL.test(recipient) || recipient.length > 254) throw validationError({ to: 'Give one email address like you@example.com to send the test to.' });
      const outcome = await sendTest(ctx.tenantId, recipient);
      await run(ctx, { type: 'RecordTestEmail', to: recipient, ...outcome });
      return outcome;
    },
  };

  async function sendTest(tenantId: string, recipient: string): Promise<{ ok: boolean; message: string }> {
    let inEffect;
    try {
      inEffect = await transportInEffect(tenantId);
    } catch (error) {
      if (!(error instanceof UnsealError)) throw error;
      return { ok: false, message: 'The stored SMTP password cannot be opened: the master key it was sealed with is not configured. Type the password again and save.' };
    }
    const { transport, from, via, delivery } = inEffect;
    try {
      await transport.send({ ...testEmail(via), to: recipient, from, idempotencyKey: `test-email-${randomUUID()}` });
    } catch (error) {
      // SMTP failures come classified into plain sentences without secrets; a refused address
      // is a PermanentJobError; anything else (an outbox disk error) is for the server log.
      const readable = error instanceof Error && (delivery !== 'OUTBOX' || error instanceof PermanentJobError);
      if (!readable) deps.logger.error({ err: error, tenantId }, 'test email failed');
      return { ok: false, message: readable ? (error as Error).message : 'The test email could not be sent because of an internal error; the details are in the server log.' };
    } finally {
      await transport.close();
    }
    if (delivery === 'OUTBOX') {
      return { ok: true, message: `No SMTP server is configured, so the test email to ${recipient} was written to the outbox folder of the server's data directory instead of being delivered.` };
    }
    return { ok: true, message: `${via} accepted the test email to ${recipient}. If it does not arrive, look in that mailbox's spam folder.` };
  }
}

export type MailSettingsService = ReturnType<typeof createMailSettingsService>;
