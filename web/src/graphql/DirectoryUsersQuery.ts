import { gql } from 'urql';
import { DirectoryUserFields } from './DirectoryUserFields';
import type { DirectoryUserPage } from './directoryTypes';

/** One page of a built-in directory's users by username; pass `endCursor` as `after` for the next. */
export const DirectoryUsersQuery = gql<
  { directoryUsers: DirectoryUserPage },
  { connectorId: string; search: string | null; first: number; after: string | null }
>`
  query DirectoryUsers($connectorId: ID!, $search: String, $first: Int!, $after: String) {
    directoryUsers(connectorId: $connectorId, search: $search, first: $first, after: $after) {
      total
      endCursor
      users {
        ...DirectoryUserFields
      }
    }
  }
  ${DirectoryUserFields}
`;
