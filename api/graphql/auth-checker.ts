import type { AuthChecker } from 'type-graphql';
import type { Permission, Principal } from '../auth';
import { AppError } from '../errors';
import type { GraphQLContext } from './context';

/** Throws UNAUTHENTICATED without a principal and FORBIDDEN when a permission is missing. */
export function requirePermissions(principal: Principal | null, required: readonly Permission[]): Principal {
  if (!principal) throw new AppError('UNAUTHENTICATED');
  const missing = required.filter((p) => !principal.permissions.has(p));
  if (missing.length) {
    throw new AppError(
      'FORBIDDEN',
      principal.kind === 'apiKey'
        ? `This API key lacks the scope ${missing.join(', ')}.`
        : `Your role (${principal.role}) does not allow this; it needs ${missing.join(', ')}.`,
    );
  }
  return principal;
}

/**
 * `@Authorized('config:write')` on a field: the caller must be signed in (or hold an API
 * key) and have every listed permission. Roles map to permissions in `auth/principal.ts`.
 */
export const authChecker: AuthChecker<GraphQLContext, Permission> = ({ context }, required) => {
  requirePermissions(context.principal, required);
  return true;
};
