import { gql } from 'urql';
import { SamlConnectorFields } from './SamlConnectorFields';
import type { SamlConnector, SamlConnectorInput } from './samlTypes';

/** Creates a SAML connector with a fresh signing key; a generic one may come with the SP's metadata. */
export const CreateSamlConnectorMutation = gql<{ createSamlConnector: SamlConnector }, { input: SamlConnectorInput }>`
  mutation CreateSamlConnector($input: SamlConnectorInput!) {
    createSamlConnector(input: $input) {
      ...SamlConnectorFields
    }
  }
  ${SamlConnectorFields}
`;
