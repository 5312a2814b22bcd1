import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { DirectoryConnectorInput } from './directoryTypes';

/** What saving the directory connector form would answer, without saving or contacting the directory. */
export const CheckDirectoryConnectorInputQuery = gql<{ checkDirectoryConnectorInput: InputCheck }, { id?: string | null; input: DirectoryConnectorInput }>`
  query CheckDirectoryConnectorInput($id: ID, $input: DirectoryConnectorInput!) {
    checkDirectoryConnectorInput(id: $id, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
