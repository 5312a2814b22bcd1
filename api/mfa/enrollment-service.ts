import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { RateLimiter, SignInPolicies } from '../auth';
import { streamId, type CommandBus, type CommandContext } from '../commands';
import type { Sealer } from '../crypto';
import type { DirectoryRegistry } from '../directory/directory-registry';
import { deviceDecider, keyThumbprint, parseDevicePublicKey, TOTP_SEED_SEAL_CONTEXT } from '../domain/device';
import { directoryUserId } from '../domain/directory-user';
import { ACTIVATION_CODE_SEAL_CONTEXT, enrollmentDecider, type ActivationFailure, type EnrollmentCommand, type EnrollmentState } from '../domain/enrollment';
import type { EventStore } from '../eventstore';
import { AppError, isAppError, type ErrorCode } from '../errors';
import { createTokenPackQueries, trustedNetworkMatcher, verifyEnrollmentLink } from '../token-packs';
import { newActivationCode, parseActivationCode } from './activation-code';
import { loadState } from './internal/load-state';
import { newTotpSeed, TOTP_PARAMETERS, totpUri } from './totp';

/** Enrollment timing (see `DEFAULT_ENROLLMENT_SETTINGS`). */
export interface EnrollmentSettings {
  /** Minutes from opening the link to activating the device. */
  enrollmentMinutes: number;
  /** Minutes an activation code works (single use). */
  activationCodeMinutes: number;
  /** Issuer shown in the authenticator's TOTP entry. */
  totpIssuer: string;
}

export const DEFAULT_ENROLLMENT_SETTINGS: EnrollmentSettings = { enrollmentMinutes: 60, activationCodeMinutes: 15, totpIssuer: 'Countersign' };

export interface EnrollmentServiceDeps {
  store: EventStore;
  execute: CommandBus;
  readDb: Database.Database;
  directories: DirectoryRegistry;
  limiter: RateLimiter;
  signInPolicies: SignInPolicies;
  sealer: Sealer;
  /** `deriveKey(masterKey, 'enrollment-link')`, the key token pack links are signed with. */
  enrollmentLinkKey: Buffer;
  now: () => Date;
  settings?: Partial<EnrollmentSettings>;
}

/** The client of an enrollment request. */
export interface EnrollmentClient {
  ip?: string;
  userAgent?: string;
}

const FAILURES: Partial<Record<ErrorCode, ActivationFailure>> = {
  ACTIVATION_CODE_USED: 'CODE_USED',
  ACTIVATION_CODE_EXPIRED: 'CODE_EXPIRED',
  ACTIVATION_CODE_OTHER_ENROLLMENT: 'CODE_OTHER_ENROLLMENT',
  ACTIVATION_CODE_INVALID: 'CODE_INVALID',
};

const hashKey = (key: string) => createHash('sha256').update(`countersign-enrollment-key.v1.${key}`).digest('hex');

/** `jo@example.com` → `j…@example.com`: enough for the user to recognise, not to harvest. */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  return at <= 0 ? '…' : `${email[0]}…${email.slice(at)}`;
}

/**
 * Enrollment of an authenticator from a token pack link: start, directory sign-in (the first
 * factor, rate-limited with the sign-in lockout), activation code (at once on a trusted
 * network, else emailed by the mail worker), and activation with the device's own public key.
 * Every step is a command on the enrollment's stream; the authenticator proves it is the one
 * that started with the enrollment key it was given.
 */
export function createEnrollmentService(deps: EnrollmentServiceDeps) {
  const settings = { ...DEFAULT_ENROLLMENT_SETTINGS, ...deps.settings };
  const packs = createTokenPackQueries(deps.readDb);
  const stream = (tenantId: string, id: string) => streamId('enrollment', tenantId, id);
  const context = (tenantId: string, enrollmentId: string, client: EnrollmentClient, actor = 'anonymous'): CommandContext => ({
    tenantId, actor: { kind: 'user', id: actor }, correlationId: enrollmentId, causationId: randomUUID(),
    ...(client.ip ? { ip: client.ip } : {}), ...(client.userAgent ? { userAgent: client.userAgent } : {}),
  });
  const run = (tenantId: string, enrollmentId: string, command: EnrollmentCommand, ctx: CommandContext) => deps.execute(enrollmentDecider, stream(tenantId, enrollmentId), command, ctx);
  const later = (minutes: number) => new Date(deps.now().getTime() + minutes * 60_000).toISOString();

  /** Enrollment ids are `<tenantId>~<uuid>` so the later steps find the tenant without a lookup. */
  const split = (id: string): { tenantId: string; enrollmentId: string } => {
    const m = /^([A-Za-z0-9_.:]+)~([0-9a-f-]{36})$/.exec(id);
    if (!m) throw new AppError('NOT_FOUND', 'No such enrollment; open the token pack link again.');
    return { tenantId: m[1]!, enrollmentId: id };
  };

  return {
    /** Loads an enrollment's state from its stream. */
    async load(id: string): Promise<{ tenantId: string; state: EnrollmentState }> {
      const { tenantId, enrollmentId } = split(id);
      return { tenantId, state: await loadState(deps.store, enrollmentDecider, stream(tenantId, enrollmentId)) };
    },

    /** 1. The authenticator opened a token pack link: check it and start an enrollment. */
    async start(link: string, client: EnrollmentClient) {
      const token = tokenOf(link);
      const payload = verifyEnrollmentLink(token, deps.enrollmentLinkKey, deps.now());
      const pack = packs.find(payload.tenantId, payload.tokenPackId);
      if (!pack.primary_directory_id) throw new AppError('BAD_USER_INPUT', 'This token pack has no directory to sign in to yet; tell your administrator.');
      const enrollmentId = `${payload.tenantId}~${randomUUID()}`;
      const enrollmentKey = randomBytes(32).toString('base64url');
      const expiresAt = later(settings.enrollmentMinutes);
      await run(payload.tenantId, enrollmentId, {
        type: 'StartEnrollment', enrollmentId, tokenPackId: pack.id, sendId: payload.sendId, directoryConnectorId: pack.primary_directory_id, enrollmentKeyHash: hashKey(enrollmentKey), expiresAt,
      }, context(payload.tenantId, enrollmentId, client));
      return {
        enrollmentId, enrollmentKey, expiresAt, tenantId: payload.tenantId,
        // The theme and the local unlock policy travel with the device: the authenticator keeps them.
        tokenPack: { name: pack.name, theme: JSON.parse(pack.theme) as unknown, localUnlock: pack.local_unlock ?? 'NONE' },
        directoryName: packs.directoryName(payload.tenantId, pack.primary_directory_id),
      };
    },

    /**
     * 2. The user signs in to the pack's primary directory. On a trusted network the
     * activation code comes back at once; otherwise it is emailed to the address the
     * directory holds for the user.
     */
    async signIn(id: string, enrollmentKey: string, username: string, password: string, client: EnrollmentClient) {
      const { tenantId, enrollmentId } = split(id);
      const state = await loadState(deps.store, enrollmentDecider, stream(tenantId, enrollmentId));
      if (state.status === 'none') throw new AppError('NOT_FOUND', 'No such enrollment; open the token pack link again.');
      const keyHash = hashKey(enrollmentKey);
      const now = deps.now().toISOString();
      const ctx = context(tenantId, enrollmentId, client);
      const name = username.trim().slice(0, 256);

      // Rate limits: the same counters as the sign-in page, so enrolling is no way around them.
      const keys = [`signin-user:${tenantId}:${state.directoryConnectorId}:${name.toLowerCase()}`, `signin-ip:${client.ip ?? 'unknown'}`];
      const policy = deps.signInPolicies.limitOf(tenantId);
      for (const key of keys) {
        const verdict = await deps.limiter.check(key, policy);
        if (!verdict.allowed) {
          await run(tenantId, enrollmentId, { type: 'FailPrimary', keyHash, now, username: name, reason: 'RATE_LIMITED' }, ctx);
          throw new AppError('RATE_LIMITED', `Too many failed attempts. Try again in ${Math.ceil(verdict.retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds: verdict.retryAfterSeconds });
        }
      }
      const result = await deps.directories.get(tenantId, state.directoryConnectorId).authenticate(name, password);
      if (!result.ok) {
        await run(tenantId, enrollmentId, { type: 'FailPrimary', keyHash, now, username: name, reason: result.reason }, ctx);
        if (result.reason !== 'DIRECTORY_UNREACHABLE' && result.reason !== 'DIRECTORY_TIMEOUT' && result.reason !== 'MISSING_CREDENTIALS') {
          await Promise.all(keys.map((k) => deps.limiter.fail(k, policy)));
        }
        throw new AppError(result.reason === 'DIRECTORY_UNREACHABLE' || result.reason === 'DIRECTORY_TIMEOUT' ? 'DIRECTORY_UNREACHABLE' : 'INVALID_CREDENTIALS', result.message);
      }
      await deps.limiter.reset(keys[0]!);

      const networks = packs.trustedNetworks(tenantId, state.tokenPackId);
      const trusted = client.ip ? networks.find((n) => trustedNetworkMatcher([n.cidr])(client.ip!)) : undefined;
      const { code, secretHash } = newActivationCode(enrollmentId);
      const expiresAt = later(settings.activationCodeMinutes);
      const profile = result.profile;
      await run(tenantId, enrollmentId, {
        type: 'PassPrimary', keyHash, now,
        user: { username: profile.username, userKey: directoryUserId(state.directoryConnectorId, profile.username), email: profile.email, displayName: profile.displayName },
        trustedNetwork: trusted?.cidr ?? null,
        code: { codeId: randomUUID(), codeHash: secretHash, expiresAt, delivery: trusted ? 'trusted-network' : 'email', sealedCode: trusted ? null : deps.sealer.seal(code, ACTIVATION_CODE_SEAL_CONTEXT) },
      }, { ...ctx, actor: { kind: 'user', id: profile.username } });
      return trusted
        ? { status: 'READY_TO_ACTIVATE' as const, activationCode: code, expiresAt, trustedNetwork: trusted.name }
        : { status: 'ACTIVATION_CODE_SENT' as const, email: maskEmail(profile.email ?? ''), expiresAt };
    },

    /**
     * 3. Activation: the authenticator sends the code and the public key of the key pair it
     * made; it gets its device id and a TOTP seed for fallback codes (shown once, sealed at rest).
     */
    async activate(id: string, enrollmentKey: string, input: { code: string; publicKeyJwk: unknown; deviceName: string }, client: EnrollmentClient) {
      const { tenantId, enrollmentId } = split(id);
      const publicKey = parseDevicePublicKey(input.publicKeyJwk);
      const deviceId = randomUUID();
      const ctx = context(tenantId, enrollmentId, client);
      let activated;
      try {
        const code = parseActivationCode(input.code);
        activated = await run(tenantId, enrollmentId, {
          type: 'Activate', keyHash: hashKey(enrollmentKey), now: deps.now().toISOString(), code, deviceId, deviceName: (input.deviceName ?? '').trim().slice(0, 64) || 'Authenticator', keyThumbprint: keyThumbprint(publicKey),
        }, ctx);
      } catch (error) {
        const reason = isAppError(error) ? FAILURES[error.code] : undefined;
        if (reason) await run(tenantId, enrollmentId, { type: 'RecordActivationFailure', reason }, ctx).catch(() => undefined);
        throw error;
      }
      const state = activated.state;
      if (state.status !== 'activated' || !state.user) throw new AppError('INTERNAL');
      const seed = newTotpSeed();
      await deps.execute(deviceDecider, streamId('device', tenantId, deviceId), {
        type: 'ActivateDevice', deviceId, enrollmentId, tokenPackId: state.tokenPackId, directoryConnectorId: state.directoryConnectorId,
        username: state.user.username, userKey: state.user.userKey, name: (input.deviceName ?? '').trim().slice(0, 64) || 'Authenticator',
        publicKey, keyThumbprint: keyThumbprint(publicKey), totpSeed: deps.sealer.seal(seed, TOTP_SEED_SEAL_CONTEXT), email: state.user.email,
      }, { ...ctx, actor: { kind: 'device', id: deviceId } });
      return {
        deviceId, tenantId, username: state.user.username,
        totp: { secret: seed, ...TOTP_PARAMETERS, uri: totpUri(seed, { issuer: settings.totpIssuer, label: state.user.username }) },
      };
    },
  };
}

/** The token of a token pack link: the whole URL, or only its `t` parameter. */
function tokenOf(link: string): string {
  const text = (link ?? '').trim();
  if (!text) throw new AppError('ENROLLMENT_LINK_INVALID');
  try {
    return new URL(text).searchParams.get('t') ?? '';
  } catch {
    return text;
  }
}

export type EnrollmentService = ReturnType<typeof createEnrollmentService>;
