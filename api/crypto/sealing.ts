import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A secret sealed with AES-256-GCM before it enters an event: `sealed:v1:<keyId>:<iv>:<ciphertext+tag>`
 * (base64url parts). The key id lets old events be opened after the master key rotates.
 * The branded type keeps a sealed value from being confused with a clear one.
 */
export type Sealed = string & { readonly __sealed: unique symbol };

const PREFIX = 'sealed:v1:';

export interface Sealer {
  seal(clear: string, context: string): Sealed;
  unseal(sealed: Sealed, context: string): string;
  /** Id of the key new secrets are sealed with. */
  readonly keyId: string;
}

/** Thrown when a sealed value cannot be opened (wrong key, tampered, wrong context). */
export class UnsealError extends Error {
  override name = 'UnsealError';
}

export function isSealed(value: unknown): value is Sealed {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** Derives the public key id of a 32-byte master key. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('countersign-key-id').update(key).digest('hex').slice(0, 12);
}

/**
 * Creates a sealer from the current master key and any retired keys still needed to open
 * older events. `context` (e.g. "directory:bindPassword") is bound in as associated data,
 * so a sealed value copied into another field does not open there.
 */
export function createSealer(current: Buffer, retired: Buffer[] = []): Sealer {
  for (const key of [current, ...retired]) {
    if (key.length !== 32) throw new Error('a master key must be exactly 32 bytes');
  }
  const keys = new Map([current, ...retired].map((k) => [keyIdOf(k), k]));
  const keyId = keyIdOf(current);
  return {
    keyId,
    seal(clear, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${keyId}:${iv.toString('base64url')}:${body.toString('base64url')}` as Sealed;
    },
    unseal(sealed, context) {
      const [id, ivText, bodyText] = sealed.slice(PREFIX.length).split(':');
      const key = id ? keys.get(id) : undefined;
      if (!key || !ivText || !bodyText) throw new UnsealError(`no master key with id ${id ?? '?'} is configured`);
      const body = Buffer.from(bodyText, 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new UnsealError('the sealed value was tampered with or belongs to another field');
      }
    },
  };
}
