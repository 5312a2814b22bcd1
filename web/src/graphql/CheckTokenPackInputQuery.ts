import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { TokenPackInput } from './tokenPackTypes';

/** What saving the token pack INFO tab would answer, without saving. */
export const CheckTokenPackInputQuery = gql<{ checkTokenPackInput: InputCheck }, { id?: string | null; input: TokenPackInput }>`
  query CheckTokenPackInput($id: ID, $input: TokenPackInput!) {
    checkTokenPackInput(id: $id, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
