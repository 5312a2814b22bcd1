import { gql } from 'urql';
import { ApiKeyFields } from './ApiKeyFields';
import type { ApiKey } from './settingsTypes';

/** The organisation's API keys, newest first (owners only). */
export const ApiKeysQuery = gql<{ apiKeys: ApiKey[] }, Record<string, never>>`
  query ApiKeys {
    apiKeys {
      ...ApiKeyFields
    }
  }
  ${ApiKeyFields}
`;
