import { gql } from 'urql';
import type { NewDirectoryUserInput } from './directoryTypes';
import type { InputCheck } from './inputCheckTypes';

/** What adding this user to a built-in directory would answer, without saving. */
export const CheckDirectoryUserInputQuery = gql<{ checkDirectoryUserInput: InputCheck }, { connectorId: string; input: NewDirectoryUserInput }>`
  query CheckDirectoryUserInput($connectorId: ID!, $input: NewDirectoryUserInput!) {
    checkDirectoryUserInput(connectorId: $connectorId, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
