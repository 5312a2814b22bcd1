import { gql } from 'urql';
import { AdminAccountFields } from './AdminAccountFields';
import type { AdminAccount } from './adminTypes';

/** Removes an admin and ends their sessions (owners only; not yourself, not the last owner). */
export const RemoveAdminMutation = gql<{ removeAdmin: AdminAccount }, { id: string }>`
  mutation RemoveAdmin($id: ID!) {
    removeAdmin(id: $id) {
      ...AdminAccountFields
    }
  }
  ${AdminAccountFields}
`;
