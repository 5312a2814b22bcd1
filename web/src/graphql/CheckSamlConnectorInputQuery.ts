import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { SamlConnectorInput } from './samlTypes';

/** What saving the SAML connector form would answer, without saving or generating a key. */
export const CheckSamlConnectorInputQuery = gql<{ checkSamlConnectorInput: InputCheck }, { id?: string | null; input: SamlConnectorInput }>`
  query CheckSamlConnectorInput($id: ID, $input: SamlConnectorInput!) {
    checkSamlConnectorInput(id: $id, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
