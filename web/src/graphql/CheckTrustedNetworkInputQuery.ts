import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';
import type { TrustedNetworkInput } from './tokenPackTypes';

/** What adding this trusted network would answer, without saving. */
export const CheckTrustedNetworkInputQuery = gql<{ checkTrustedNetworkInput: InputCheck }, { tokenPackId: string; input: TrustedNetworkInput }>`
  query CheckTrustedNetworkInput($tokenPackId: ID!, $input: TrustedNetworkInput!) {
    checkTrustedNetworkInput(tokenPackId: $tokenPackId, input: $input) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
