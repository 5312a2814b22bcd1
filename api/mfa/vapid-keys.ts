import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createCommandHandler, streamId, type CommandContext } from '../commands';
import type { Sealer } from '../crypto';
import { VAPID_PRIVATE_KEY_SEAL_CONTEXT, vapidKeyDecider } from '../domain/vapid-key';
import type { EventStore } from '../eventstore';
import { loadState } from './internal/load-state';

/** Tenant id of deployment-wide streams; tenant ids users choose start with a letter or digit, so it cannot clash. */
export const SYSTEM_TENANT = '_system';

/** The one stream holding the deployment's VAPID key. */
export const VAPID_KEY_STREAM = streamId('vapidKey', SYSTEM_TENANT, 'deployment');

/** The deployment's VAPID key pair in the form `web-push` and browsers use: base64url, unpadded. */
export interface VapidKeys {
  /** The uncompressed P-256 point (65 bytes): what the authenticator passes as `applicationServerKey`. */
  publicKey: string;
  /** The 32-byte private scalar; never leaves the api and workers processes. */
  privateKey: string;
}

/** A fresh P-256 key pair in VAPID form. */
export function newVapidKeyPair(): VapidKeys {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = privateKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return { publicKey: point.toString('base64url'), privateKey: jwk.d! };
}

/**
 * Returns the deployment's VAPID key pair, generating it on the very first start. The key is
 * kept as a sealed event rather than derived from the master key, so rotating the master key
 * (which keeps the old one as retired) does not change the key every browser subscription is
 * bound to. Processes starting at the same time agree on one key: the decider keeps the first.
 */
export async function loadOrCreateVapidKeys(deps: { store: EventStore; sealer: Sealer; now: () => Date }): Promise<VapidKeys> {
  let state = await loadState(deps.store, vapidKeyDecider, VAPID_KEY_STREAM);
  if (state.status === 'none') {
    const fresh = newVapidKeyPair();
    const ctx: CommandContext = { tenantId: SYSTEM_TENANT, actor: { kind: 'system', id: 'countersign' }, correlationId: randomUUID(), causationId: randomUUID() };
    const handle = createCommandHandler({ store: deps.store, now: deps.now });
    const command = { type: 'GenerateVapidKey' as const, publicKey: fresh.publicKey, privateKey: deps.sealer.seal(fresh.privateKey, VAPID_PRIVATE_KEY_SEAL_CONTEXT) };
    state = (await handle(vapidKeyDecider, VAPID_KEY_STREAM, command, ctx)).state;
  }
  if (state.status !== 'generated') throw new Error('the VAPID key could not be stored');
  return { publicKey: state.publicKey, privateKey: deps.sealer.unseal(state.privateKey, VAPID_PRIVATE_KEY_SEAL_CONTEXT) };
}

/**
 * The VAPID `sub` claim: `COUNTERSIGN_VAPID_SUBJECT` when set, else the public URL when it is
 * https (push services only accept https: or mailto:), else `mailto:` the mail sender.
 */
export function vapidSubjectOf(config: { COUNTERSIGN_VAPID_SUBJECT?: string; publicUrl: string; COUNTERSIGN_MAIL_FROM: string }): string {
  if (config.COUNTERSIGN_VAPID_SUBJECT) return config.COUNTERSIGN_VAPID_SUBJECT;
  return config.publicUrl.startsWith('https:') ? config.publicUrl : `mailto:${config.COUNTERSIGN_MAIL_FROM}`;
}
