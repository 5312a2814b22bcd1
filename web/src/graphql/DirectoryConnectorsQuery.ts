import { gql } from 'urql';
import { DirectoryConnectorFields } from './DirectoryConnectorFields';
import type { DirectoryConnector } from './directoryTypes';

/** The organisation's directory connectors, by name. */
export const DirectoryConnectorsQuery = gql<{ directoryConnectors: DirectoryConnector[] }, Record<string, never>>`
  query DirectoryConnectors {
    directoryConnectors {
      ...DirectoryConnectorFields
    }
  }
  ${DirectoryConnectorFields}
`;
