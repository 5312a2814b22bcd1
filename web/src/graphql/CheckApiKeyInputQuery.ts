import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { ApiScope } from './settingsTypes';

/** What creating this API key would answer, without creating it. */
export const CheckApiKeyInputQuery = gql<{ checkApiKeyInput: InputCheck }, { name: string; scopes: ApiScope[] }>`
  query CheckApiKeyInput($name: String!, $scopes: [ApiScope!]!) {
    checkApiKeyInput(name: $name, scopes: $scopes) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
