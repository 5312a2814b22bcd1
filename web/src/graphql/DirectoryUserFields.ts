import { gql } from 'urql';

/** A built-in directory user as the Users table shows it. */
export const DirectoryUserFields = gql`
  fragment DirectoryUserFields on DirectoryUser {
    id
    connectorId
    username
    email
    displayName
    phone
    immutableId
    enabled
    hasPassword
    createdAt
  }
`;
