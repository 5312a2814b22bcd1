import { gql } from 'urql';
import { DirectoryConnectorFields } from './DirectoryConnectorFields';
import type { DirectoryConnector } from './directoryTypes';

/** One directory connector; fails with `NOT_FOUND` for an unknown id. */
export const DirectoryConnectorQuery = gql<{ directoryConnector: DirectoryConnector }, { id: string }>`
  query DirectoryConnector($id: ID!) {
    directoryConnector(id: $id) {
      ...DirectoryConnectorFields
    }
  }
  ${DirectoryConnectorFields}
`;
