import { gql } from 'urql';
import type { InputCheck } from './inputCheckTypes';

/** What saving this lockout policy would answer, without saving. */
export const CheckSignInPolicyInputQuery = gql<{ checkSignInPolicyInput: InputCheck }, { maxFailures: number; windowMinutes: number }>`
  query CheckSignInPolicyInput($maxFailures: Int!, $windowMinutes: Int!) {
    checkSignInPolicyInput(maxFailures: $maxFailures, windowMinutes: $windowMinutes) {
      ok
      fields {
        field
        message
      }
      message
    }
  }
`;
