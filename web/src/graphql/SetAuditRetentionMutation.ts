import { gql } from 'urql';

/** Limits the audit history shown and exported to `days` (null: all); the event store keeps every event. */
export const SetAuditRetentionMutation = gql<{ setAuditRetention: number | null }, { days: number | null }>`
  mutation SetAuditRetention($days: Int) {
    setAuditRetention(days: $days)
  }
`;
