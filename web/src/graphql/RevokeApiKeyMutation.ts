import { gql } from 'urql';
import { ApiKeyFields } from './ApiKeyFields';
import type { ApiKey } from './settingsTypes';

/** Revokes an API key at once. */
export const RevokeApiKeyMutation = gql<{ revokeApiKey: ApiKey }, { id: string }>`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      ...ApiKeyFields
    }
  }
  ${ApiKeyFields}
`;
