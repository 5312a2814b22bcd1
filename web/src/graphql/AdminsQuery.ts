import { gql } from 'urql';
import { AdminAccountFields } from './AdminAccountFields';
import type { AdminAccountPage, AdminState } from './adminTypes';

/** A page of the organisation's admins by email; removed ones only when `states` asks for them. */
export const AdminsQuery = gql<
  { admins: AdminAccountPage },
  { search: string | null; states: AdminState[] | null; first: number; after: string | null }
>`
  query Admins($search: String, $states: [AdminState!], $first: Int!, $after: String) {
    admins(search: $search, states: $states, first: $first, after: $after) {
      admins {
        ...AdminAccountFields
      }
      total
      endCursor
      hasNextPage
    }
  }
  ${AdminAccountFields}
`;
