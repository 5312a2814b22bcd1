import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector } from './samlTypes';

/** One SAML connector; fails with `NOT_FOUND` for an unknown id. */
export const SamlConnectorQuery = gql<{ samlConnector: SamlConnector }, { id: string }>`
  query SamlConnector($id: ID!) {
    samlConnector(id: $id) {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
