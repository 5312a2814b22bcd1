import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector, SamlConnectorInput } from './samlTypes';

/** Changes a SAML connector; fields left out keep their values. */
export const UpdateSamlConnectorMutation = gql<
  { updateSamlConnector: SamlConnector },
  { id: string; input: SamlConnectorInput }
>`
  mutation UpdateSamlConnector($id: ID!, $input: SamlConnectorInput!) {
    updateSamlConnector(id: $id, input: $input) {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
