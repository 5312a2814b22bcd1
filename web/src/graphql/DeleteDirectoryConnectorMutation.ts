import { gql } from 'urql';

/** Deletes a directory connector (and, for a built-in one, its users). */
export const DeleteDirectoryConnectorMutation = gql<{ deleteDirectoryConnector: boolean }, { id: string }>`
  mutation DeleteDirectoryConnector($id: ID!) {
    deleteDirectoryConnector(id: $id)
  }
`;
