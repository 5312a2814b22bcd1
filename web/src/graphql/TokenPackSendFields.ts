import { gql } from 'urql';

/** One send of a token pack and its outcome. */
export const TokenPackSendFields = gql`
  fragment TokenPackSendFields on TokenPackSend {
    id
    email
    status
    reason
    expiresAt
    requestedAt
    updatedAt
  }
`;
