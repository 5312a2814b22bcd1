import { gql } from 'urql';

/** An API key as the Settings page lists it (never its secret). */
export const ApiKeyFields = gql`
  fragment ApiKeyFields on ApiKey {
    id
    name
    scopes
    createdAt
    revokedAt
  }
`;
