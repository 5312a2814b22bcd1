import { gql } from 'urql';
import type { Admin } from './types';

/** The signed-in admin, or `null` when there is no valid session. */
export const MeQuery = gql<{ me: Admin | null }, Record<string, never>>`
  query Me {
    me {
      id
      email
      role
      tenantId
    }
  }
`;
