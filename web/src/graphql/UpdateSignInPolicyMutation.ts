import { gql } from 'urql';
import type { SignInPolicy } from './settingsTypes';

/** Tunes the sign-in lockout. */
export const UpdateSignInPolicyMutation = gql<{ updateSignInPolicy: SignInPolicy }, SignInPolicy>`
  mutation UpdateSignInPolicy($maxFailures: Int!, $windowMinutes: Int!) {
    updateSignInPolicy(maxFailures: $maxFailures, windowMinutes: $windowMinutes) {
      maxFailures
      windowMinutes
    }
  }
`;
