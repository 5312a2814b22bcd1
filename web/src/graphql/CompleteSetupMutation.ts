import { gql } from 'urql';
import type { AdminSession } from './types';

/** Creates the first (owner) admin with the one-time setup token and signs them in. */
export const CompleteSetupMutation = gql<
  { completeSetup: AdminSession },
  { token: string; email: string; password: string }
>`
  mutation CompleteSetup($token: String!, $email: String!, $password: String!) {
    completeSetup(token: $token, email: $email, password: $password) {
      admin {
        id
        email
        role
        tenantId
      }
      csrfToken
    }
  }
`;
