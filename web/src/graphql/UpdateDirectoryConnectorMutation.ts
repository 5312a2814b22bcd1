import { gql } from 'urql';
import { DirectoryConnectorFields } from './DirectoryConnectorFields';
import type { DirectoryConnector, DirectoryConnectorInput } from './directoryTypes';

/** Replaces a connector's settings; leave `bindPassword` out to keep the stored one. */
export const UpdateDirectoryConnectorMutation = gql<
  { updateDirectoryConnector: DirectoryConnector },
  { id: string; input: DirectoryConnectorInput }
>`
  mutation UpdateDirectoryConnector($id: ID!, $input: DirectoryConnectorInput!) {
    updateDirectoryConnector(id: $id, input: $input) {
      ...DirectoryConnectorFields
    }
  }
  ${DirectoryConnectorFields}
`;
