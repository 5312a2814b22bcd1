import { gql } from 'urql';
import type { Theme, ThemeInput } from './themeTypes';

/** Changes a theme. */
export const UpdateThemeMutation = gql<{ updateTheme: Theme }, { id: string; input: ThemeInput }>`
  mutation UpdateTheme($id: ID!, $input: ThemeInput!) {
    updateTheme(id: $id, input: $input) {
      id
      name
      primaryColor
      accentColor
      logoUrl
      isDefault
    }
  }
`;
