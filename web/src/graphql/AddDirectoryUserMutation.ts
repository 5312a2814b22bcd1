import { gql } from 'urql';
import { DirectoryUserFields } from './DirectoryUserFields';
import type { DirectoryUser, NewDirectoryUserInput } from './directoryTypes';

/** Adds a user to a built-in directory, optionally with a first password. */
export const AddDirectoryUserMutation = gql<
  { addDirectoryUser: DirectoryUser },
  { connectorId: string; input: NewDirectoryUserInput }
>`
  mutation AddDirectoryUser($connectorId: ID!, $input: NewDirectoryUserInput!) {
    addDirectoryUser(connectorId: $connectorId, input: $input) {
      ...DirectoryUserFields
    }
  }
  ${DirectoryUserFields}
`;
