import { gql } from 'urql';
import { AdminAccountFields } from './AdminAccountFields';
import type { AdminAccount } from './adminTypes';
import type { AdminRole } from './types';

/** Invites an admin by email; the server mails them a 7-day single-use link (owners only). */
export const InviteAdminMutation = gql<{ inviteAdmin: AdminAccount }, { email: string; role: AdminRole }>`
  mutation InviteAdmin($email: String!, $role: AdminRole!) {
    inviteAdmin(input: { email: $email, role: $role }) {
      ...AdminAccountFields
    }
  }
  ${AdminAccountFields}
`;
