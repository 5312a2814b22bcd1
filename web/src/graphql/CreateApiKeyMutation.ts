import { gql } from 'urql';
import { ApiKeyFields } from './ApiKeyFields';
import type { ApiScope, CreatedApiKey } from './settingsTypes';

/** Creates an API key; the token in the answer is shown only this once. */
export const CreateApiKeyMutation = gql<{ createApiKey: CreatedApiKey }, { name: string; scopes: ApiScope[] }>`
  mutation CreateApiKey($name: String!, $scopes: [ApiScope!]!) {
    createApiKey(name: $name, scopes: $scopes) {
      apiKey {
        ...ApiKeyFields
      }
      token
    }
  }
  ${ApiKeyFields}
`;
