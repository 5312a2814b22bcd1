import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'use true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const base64Key = z
  .string()
  .transform((v) => Buffer.from(v, 'base64'))
  .refine((b) => b.length === 32, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' });

/**
 * Every setting Countersign reads, parsed once at start-up. Unprefixed names are the
 * conventional ones (PORT, DATA_DIR, EVENTSTORE_URL, REDIS_URL, SMTP_URL, LOG_LEVEL);
 * product settings are prefixed COUNTERSIGN_.
 */
const schema = z.object({
  /** HTTP port for the API, the sign-in pages and the dashboard (0 picks a free one). */
  PORT: z.coerce.number({ message: 'must be a port number' }).int().min(0, { message: 'must be a port number' }).max(65535, { message: 'must be a port number' }).default(4000),
  /** Interface to listen on. */
  HOST: z.string().default('0.0.0.0'),
  /** Folder for the embedded event store, read models, job queue, outbox and master key. */
  DATA_DIR: z.string().default('./data'),
  /** Public base URL (what browsers and SAML service providers see); defaults to http://localhost:PORT. */
  COUNTERSIGN_PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://idp.example.com' }).optional(),
  /** KurrentDB/EventStoreDB connection string; when unset the embedded SQLite store is used. */
  EVENTSTORE_URL: z.string().startsWith('kurrentdb', { message: 'must be a kurrentdb:// or esdb:// connection string' })
    .or(z.string().startsWith('esdb', { message: 'must be a kurrentdb:// or esdb:// connection string' }))
    .optional(),
  /** Redis URL for BullMQ job queues; when unset jobs run in-process from a durable SQLite queue. */
  REDIS_URL: z.string().regex(/^rediss?:\/\//, { message: 'must start with redis:// or rediss://' }).optional(),
  /** SMTP URL (smtp:// or smtps://user:pass@host:port); when unset mail is written to DATA_DIR/outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'must start with smtp:// or smtps://' }).optional(),
  /** Sender address for mail. */
  COUNTERSIGN_MAIL_FROM: z.email({ message: 'must be an email address' }).default('countersign@localhost'),
  /** First owner created at start when no admin exists yet (both or neither). */
  COUNTERSIGN_ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  COUNTERSIGN_ADMIN_PASSWORD: z.string().min(12, { message: 'must be at least 12 characters' }).optional(),
  /** Master key sealing secrets in events (base64, 32 bytes); generated into DATA_DIR/master.key when unset. */
  COUNTERSIGN_MASTER_KEY: base64Key.optional(),
  /** Older master keys, comma-separated base64, still needed to open events sealed before a rotation. */
  COUNTERSIGN_RETIRED_MASTER_KEYS: z
    .string()
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(base64Key))
    .default([]),
  /** Tenant that single-node mode creates and that the dashboard signs in to. */
  COUNTERSIGN_DEFAULT_TENANT: z.string().regex(/^[a-z0-9][a-z0-9_.]{0,62}$/, { message: 'use lowercase letters, digits, _ and .' }).default('default'),
  /** Admin session lifetime in hours. */
  COUNTERSIGN_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  /** How long a user's IdP session lets later sign-ins to other services skip the password, in hours. */
  COUNTERSIGN_IDP_SESSION_HOURS: z.coerce.number().positive().max(24 * 7).default(8),
  /** Seconds a push challenge can be answered on the device. */
  COUNTERSIGN_PUSH_EXPIRY_SECONDS: z.coerce.number().int().min(10, { message: 'allow at least 10 seconds' }).max(600, { message: 'keep it at most 600 seconds (NIST 800-63B)' }).default(60),
  /** Push challenges one user may receive per hour before they are suppressed (push fatigue). */
  COUNTERSIGN_PUSH_MAX_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Unanswered push challenges one user may have at once. */
  COUNTERSIGN_PUSH_MAX_PENDING: z.coerce.number().int().min(1).max(100).default(2),
  /** Contact Web Push services see in every request (VAPID `sub`); default: the public URL when https, else mailto:COUNTERSIGN_MAIL_FROM. */
  COUNTERSIGN_VAPID_SUBJECT: z.string().regex(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/[^\s/]+\S*)$/, { message: 'must be a mailto: address or an https:// URL, e.g. mailto:security@example.com' }).optional(),
  /** Trust X-Forwarded-For from this many proxies in front of Countersign (0 = none). */
  COUNTERSIGN_TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Failed admin sign-ins allowed per email and per client IP in 15 minutes. */
  COUNTERSIGN_ADMIN_SIGNIN_LIMIT: z.coerce.number().int().min(1).default(10),
  /** Bounded wait (ms) for read models after a mutation (read-your-writes). */
  COUNTERSIGN_READ_WAIT_MS: z.coerce.number().int().min(10).default(5000),
  /** Build the web bundle on start when missing or stale (npm start does this before launching). */
  COUNTERSIGN_SERVE_WEB: bool.default(true),
  /** Seed the default tenant's template directory with demo users on first start (default: on unless EVENTSTORE_URL is set). */
  COUNTERSIGN_DEMO_USERS: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RawConfig = z.infer<typeof schema>;

export interface Config extends RawConfig {
  publicUrl: string;
  dataDir: string;
  demoUsers: boolean;
}

/** Thrown with one line per bad variable, naming it and saying what to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Countersign cannot start; fix these settings:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (Boolean(c.COUNTERSIGN_ADMIN_EMAIL) !== Boolean(c.COUNTERSIGN_ADMIN_PASSWORD)) {
    throw new ConfigError(
      'Countersign cannot start; fix these settings:\n  COUNTERSIGN_ADMIN_EMAIL and COUNTERSIGN_ADMIN_PASSWORD: set both or neither',
    );
  }
  return {
    ...c,
    publicUrl: (c.COUNTERSIGN_PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    dataDir: resolve(c.DATA_DIR),
    demoUsers: c.COUNTERSIGN_DEMO_USERS ?? !c.EVENTSTORE_URL,
  };
}
