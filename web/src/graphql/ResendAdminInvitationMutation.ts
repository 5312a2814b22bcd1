import { gql } from 'urql';
import { AdminAccountFields } from './AdminAccountFields';
import type { AdminAccount } from './adminTypes';

/** Mails a pending invitation again with a new 7-day link; the old link stops working. */
export const ResendAdminInvitationMutation = gql<{ resendAdminInvitation: AdminAccount }, { id: string }>`
  mutation ResendAdminInvitation($id: ID!) {
    resendAdminInvitation(id: $id) {
      ...AdminAccountFields
    }
  }
  ${AdminAccountFields}
`;
