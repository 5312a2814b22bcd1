import { gql } from 'urql';
import type { AdminInvitation } from './adminTypes';

/** What an invitation link is for; fails with INVITATION_* codes when it no longer works. */
export const AdminInvitationQuery = gql<{ adminInvitation: AdminInvitation }, { token: string }>`
  query AdminInvitation($token: String!) {
    adminInvitation(token: $token) {
      email
      role
      organisation
      expiresAt
    }
  }
`;
