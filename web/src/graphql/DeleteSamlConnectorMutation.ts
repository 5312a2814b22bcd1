import { gql } from 'urql';

/** Deletes a SAML connector; refused (`CONFLICT`) while a service uses it. */
export const DeleteSamlConnectorMutation = gql<{ deleteSamlConnector: boolean }, { id: string }>`
  mutation DeleteSamlConnector($id: ID!) {
    deleteSamlConnector(id: $id)
  }
`;
