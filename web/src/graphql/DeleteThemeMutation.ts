import { gql } from 'urql';

/** Deletes a theme that is not the default. */
export const DeleteThemeMutation = gql<{ deleteTheme: boolean }, { id: string }>`
  mutation DeleteTheme($id: ID!) {
    deleteTheme(id: $id)
  }
`;
