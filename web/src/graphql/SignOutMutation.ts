import { gql } from 'urql';

/** Ends the current admin session. */
export const SignOutMutation = gql<{ signOut: boolean }, Record<string, never>>`
  mutation SignOut {
    signOut
  }
`;
