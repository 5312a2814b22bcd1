import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { PresentedCode } from '../domain/enrollment';

/** What an activation QR code holds: this prefix, then the code. */
export const ACTIVATION_QR_PREFIX = 'countersign-activation:';

/**
 * A new activation code for an enrollment: `<enrollmentId>.<secret>` with a 160-bit random
 * secret. Carrying the enrollment id lets the server tell "a code from another enrollment"
 * apart from a mistyped one; only the secret's SHA-256 is stored.
 */
export function newActivationCode(enrollmentId: string): { code: string; secretHash: string } {
  const secret = randomBytes(20).toString('base64url');
  return { code: `${enrollmentId}.${secret}`, secretHash: hashSecret(secret) };
}

/** Splits what the authenticator sent (the code, or the QR's text) into enrollment id and secret hash. */
export function parseActivationCode(input: string): PresentedCode {
  const text = input.trim().startsWith(ACTIVATION_QR_PREFIX) ? input.trim().slice(ACTIVATION_QR_PREFIX.length) : input.trim();
  const dot = text.lastIndexOf('.');
  const enrollmentId = text.slice(0, dot);
  const secret = text.slice(dot + 1);
  if (dot <= 0 || !/^[A-Za-z0-9_.:]{1,64}~[0-9a-f-]{36}$/.test(enrollmentId) || !/^[A-Za-z0-9_-]{27}$/.test(secret)) throw new AppError('ACTIVATION_CODE_INVALID');
  return { enrollmentId, secretHash: hashSecret(secret) };
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(`countersign-activation.v1.${secret}`).digest('hex');
}
