import { gql } from 'urql';
import type { SignInPolicy } from './settingsTypes';

/** The organisation's sign-in lockout policy. */
export const SignInPolicyQuery = gql<{ signInPolicy: SignInPolicy }, Record<string, never>>`
  query SignInPolicy {
    signInPolicy {
      maxFailures
      windowMinutes
    }
  }
`;
