import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector } from './samlTypes';

/** Makes the next signing key the one that signs; the old one becomes the previous. */
export const RotateSigningKeyMutation = gql<{ rotateSigningKey: SamlConnector }, { connectorId: string }>`
  mutation RotateSigningKey($connectorId: ID!) {
    rotateSigningKey(connectorId: $connectorId) {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
