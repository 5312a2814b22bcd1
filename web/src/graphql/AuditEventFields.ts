import { gql } from 'urql';

/** Every field of an audit event, shared by the list query and the live subscription. */
export const AuditEventFields = gql`
  fragment AuditEventFields on AuditEvent {
    id
    position
    streamId
    type
    category
    actor {
      kind
      id
    }
    occurredAt
    summary
    data
    correlationId
    ip
    userAgent
    username
    serviceId
    outcome
  }
`;
