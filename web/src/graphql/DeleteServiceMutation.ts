import { gql } from 'urql';

/** Deletes a stopped service instance; refused (`CONFLICT`) while it runs. */
export const DeleteServiceMutation = gql<{ deleteService: boolean }, { id: string }>`
  mutation DeleteService($id: ID!) {
    deleteService(id: $id)
  }
`;
