import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isAppError } from '../errors';
import type { Logger } from '../logger';

/**
 * Turns any error into what a client may see: an AppError's code, safe message and details
 * in `extensions`; GraphQL's own syntax/validation errors as they are; anything else as
 * INTERNAL with no internals (the full error goes to the log only).
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isAppError(original)) {
      if (!original.expose) logger.error({ err: original.cause ?? original, code: original.code }, 'request failed');
      return {
        message: original.message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: original.code, ...(original.details ?? {}) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return { message: formatted.message, extensions: { code } };
    logger.error({ err: original }, 'unexpected error in a GraphQL request');
    return { message: 'Something went wrong on our side.', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL' } };
  };
}
