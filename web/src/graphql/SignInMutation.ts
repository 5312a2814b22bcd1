import { gql } from 'urql';
import type { AdminSession } from './types';

/** Starts an admin session; the server sets the `cs_session` and `cs_csrf` cookies. */
export const SignInMutation = gql<{ signIn: AdminSession }, { email: string; password: string }>`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
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
