import { gql } from 'urql';

/** Everything Settings › Outgoing mail shows. */
export const OutgoingMailFields = gql`
  fragment OutgoingMailFields on OutgoingMail {
    delivery
    server
    settings {
      host
      port
      security
      username
      passwordSet
      fromAddress
      fromName
      replyTo
      updatedAt
    }
  }
`;
