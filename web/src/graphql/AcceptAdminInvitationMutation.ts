import { gql } from 'urql';
import type { AdminSession } from './types';

/** Sets the invitee's password and signs them in. */
export const AcceptAdminInvitationMutation = gql<{ acceptAdminInvitation: AdminSession }, { token: string; password: string }>`
  mutation AcceptAdminInvitation($token: String!, $password: String!) {
    acceptAdminInvitation(token: $token, password: $password) {
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
