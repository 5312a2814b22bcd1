import { gql } from 'urql';
import { AdminAccountFields } from './AdminAccountFields';
import type { AdminAccount } from './adminTypes';

/** Withdraws a pending invitation: its link stops working. */
export const RevokeAdminInvitationMutation = gql<{ revokeAdminInvitation: AdminAccount }, { id: string }>`
  mutation RevokeAdminInvitation($id: ID!) {
    revokeAdminInvitation(id: $id) {
      ...AdminAccountFields
    }
  }
  ${AdminAccountFields}
`;
