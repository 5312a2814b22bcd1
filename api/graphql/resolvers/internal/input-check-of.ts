import { isAppError } from '../../../errors';
import type { InputCheck } from '../../types/input-check.type';

/**
 * Runs a service's `check…` and turns its answer into an InputCheck: `VALIDATION_FAILED`
 * becomes field problems, any other error about the input (status 400–499 except NOT_FOUND and
 * those about the caller) a message. Anything else (an unknown id, a missing permission, a
 * fault) stays an error, as the mutation would answer it.
 */
export async function inputCheckOf(check: () => unknown): Promise<InputCheck> {
  try {
    await check();
    return { ok: true, fields: [], message: null };
  } catch (error) {
    if (!isAppError(error) || error.status < 400 || error.status >= 500 || NOT_ABOUT_THE_INPUT.has(error.code)) throw error;
    if (error.code === 'VALIDATION_FAILED') {
      const fields = (error.details?.fields ?? {}) as Record<string, string>;
      return { ok: false, fields: Object.entries(fields).map(([field, message]) => ({ field, message })), message: null };
    }
    return { ok: false, fields: [], message: error.message };
  }
}

const NOT_ABOUT_THE_INPUT = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_FAILED', 'NOT_FOUND', 'RATE_LIMITED']);
