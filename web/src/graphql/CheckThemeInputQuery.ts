import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { ThemeInput } from './themeTypes';

/** What saving this theme would answer, without saving. */
export const CheckThemeInputQuery = gql<{ checkThemeInput: InputCheck }, { id?: string | null; input: ThemeInput }>`
  query CheckThemeInput($id: ID, $input: ThemeInput!) {
    checkThemeInput(id: $id, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
