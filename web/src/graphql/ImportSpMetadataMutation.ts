import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SpMetadataImport } from './samlTypes';

/** Reads a service provider's metadata into a generic connector; answers with what to know about it. */
export const ImportSpMetadataMutation = gql<{ importSpMetadata: SpMetadataImport }, { connectorId: string; xml: string }>`
  mutation ImportSpMetadata($connectorId: ID!, $xml: String!) {
    importSpMetadata(connectorId: $connectorId, xml: $xml) {
      connector {
        ...SamlConnectorFields
      }
      warnings
    }
  }
  ${SamlConnectorFields}
`;
