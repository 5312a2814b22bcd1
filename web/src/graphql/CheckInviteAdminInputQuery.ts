import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { AdminRole } from './types';

/** What inviting this admin would answer, without inviting or emailing anyone. */
export const CheckInviteAdminInputQuery = gql<{ checkInviteAdminInput: InputCheck }, { input: { email: string; role: AdminRole } }>`
  query CheckInviteAdminInput($input: InviteAdminInput!) {
    checkInviteAdminInput(input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
