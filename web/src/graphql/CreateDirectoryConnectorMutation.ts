import { gql } from 'urql';
import { DirectoryConnectorFields } from './DirectoryConnectorFields';
import type { DirectoryConnector, DirectoryConnectorInput } from './directoryTypes';

/** Creates a directory connector; fields left out take the defaults of its type. */
export const CreateDirectoryConnectorMutation = gql<
  { createDirectoryConnector: DirectoryConnector },
  { input: DirectoryConnectorInput }
>`
  mutation CreateDirectoryConnector($input: DirectoryConnectorInput!) {
    createDirectoryConnector(input: $input) {
      ...DirectoryConnectorFields
    }
  }
  ${DirectoryConnectorFields}
`;
