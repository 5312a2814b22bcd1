import { gql } from 'urql';

/** Sets a built-in directory user's password (at least 10 characters). */
export const SetDirectoryUserPasswordMutation = gql<{ setDirectoryUserPassword: boolean }, { id: string; password: string }>`
  mutation SetDirectoryUserPassword($id: ID!, $password: String!) {
    setDirectoryUserPassword(id: $id, password: $password)
  }
`;
