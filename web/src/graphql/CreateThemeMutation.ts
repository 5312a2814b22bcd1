import { gql } from 'urql';
import type { Theme, ThemeInput } from './themeTypes';

/** Adds a theme; the first one becomes the default. */
export const CreateThemeMutation = gql<{ createTheme: Theme }, { input: ThemeInput }>`
  mutation CreateTheme($input: ThemeInput!) {
    createTheme(input: $input) {
      id
      name
      primaryColor
      accentColor
      logoUrl
      isDefault
    }
  }
`;
