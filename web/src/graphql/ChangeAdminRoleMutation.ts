import { gql } from 'urql';
import { AdminAccountFields } from './AdminAccountFields';
import type { AdminAccount } from './adminTypes';
import type { AdminRole } from './types';

/** Changes an admin's role; the last owner cannot be demoted (owners only). */
export const ChangeAdminRoleMutation = gql<{ changeAdminRole: AdminAccount }, { id: string; role: AdminRole }>`
  mutation ChangeAdminRole($id: ID!, $role: AdminRole!) {
    changeAdminRole(id: $id, role: $role) {
      ...AdminAccountFields
    }
  }
  ${AdminAccountFields}
`;
