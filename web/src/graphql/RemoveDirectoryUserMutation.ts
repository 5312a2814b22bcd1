import { gql } from 'urql';

/** Removes a user from a built-in directory. */
export const RemoveDirectoryUserMutation = gql<{ removeDirectoryUser: boolean }, { id: string }>`
  mutation RemoveDirectoryUser($id: ID!) {
    removeDirectoryUser(id: $id)
  }
`;
