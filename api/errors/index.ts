export { AppError, validationError, isAppError, type FieldErrors } from './app-error';
export { errorCodes, type ErrorCode } from './error-codes';
