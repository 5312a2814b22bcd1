import { gql } from 'urql';
import type { Theme } from './themeTypes';

/** Makes a theme the one the end-user pages and emails use. */
export const SetDefaultThemeMutation = gql<{ setDefaultTheme: Theme }, { id: string }>`
  mutation SetDefaultTheme($id: ID!) {
    setDefaultTheme(id: $id) {
      id
      name
      primaryColor
      accentColor
      logoUrl
      isDefault
    }
  }
`;
