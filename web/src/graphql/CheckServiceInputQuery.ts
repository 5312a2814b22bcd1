import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { ServiceInstanceInput } from './serviceTypes';

/** What saving the service form would answer, without saving. */
export const CheckServiceInputQuery = gql<{ checkServiceInput: InputCheck }, { id?: string | null; input: ServiceInstanceInput }>`
  query CheckServiceInput($id: ID, $input: ServiceInstanceInput!) {
    checkServiceInput(id: $id, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
