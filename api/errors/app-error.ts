import { errorCodes, type ErrorCode } from './error-codes';

/**
 * The one error type that crosses a boundary. `message` is safe to show to whoever made
 * the request; `details` (field errors, retry-after seconds, ...) are too; `cause` is for
 * logs only.
 */
export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;
  readonly expose: boolean;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message ?? errorCodes[code].message, options);
    this.status = errorCodes[code].status;
    this.expose = this.status < 500;
  }
}

/** Field-level validation problems, one sentence each saying what to fix. */
export type FieldErrors = Record<string, string>;

export function validationError(fields: FieldErrors): AppError {
  const summary = Object.entries(fields)
    .map(([field, problem]) => `${field}: ${problem}`)
    .join('; ');
  return new AppError('VALIDATION_FAILED', summary, { fields });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
