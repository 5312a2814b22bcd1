import { gql } from 'urql';

/** What the admins list shows of each admin. */
export const AdminAccountFields = gql`
  fragment AdminAccountFields on AdminAccount {
    id
    email
    role
    state
    invitedBy
    createdAt
    lastSignInAt
    invitationExpiresAt
    invitationEmailProblem
    isYou
  }
`;
