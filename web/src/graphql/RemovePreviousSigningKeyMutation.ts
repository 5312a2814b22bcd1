import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector } from './samlTypes';

/** Stops publishing the signing key the last rotation replaced. */
export const RemovePreviousSigningKeyMutation = gql<{ removePreviousSigningKey: SamlConnector }, { connectorId: string }>`
  mutation RemovePreviousSigningKey($connectorId: ID!) {
    removePreviousSigningKey(connectorId: $connectorId) {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
