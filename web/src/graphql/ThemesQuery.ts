import { gql } from 'urql';
import type { Theme } from './themeTypes';

/** The organisation's theme library, by name. */
export const ThemesQuery = gql<{ themes: Theme[] }, Record<string, never>>`
  query Themes {
    themes {
      id
      name
      primaryColor
      accentColor
      logoUrl
      isDefault
    }
  }
`;
