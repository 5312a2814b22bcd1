import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector } from './samlTypes';

/** Generates the next signing key (replacing an unused one). */
export const GenerateNextSigningKeyMutation = gql<{ generateNextSigningKey: SamlConnector }, { connectorId: string }>`
  mutation GenerateNextSigningKey($connectorId: ID!) {
    generateNextSigningKey(connectorId: $connectorId) {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
