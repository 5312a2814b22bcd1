import { gql } from 'urql';

/** Deletes a token pack; links already sent stop working. */
export const DeleteTokenPackMutation = gql<{ deleteTokenPack: boolean }, { id: string }>`
  mutation DeleteTokenPack($id: ID!) {
    deleteTokenPack(id: $id)
  }
`;
