import { gql } from 'urql';

/** Days of audit history shown and exported; null keeps everything. */
export const AuditRetentionQuery = gql<{ auditRetentionDays: number | null }, Record<string, never>>`
  query AuditRetention {
    auditRetentionDays
  }
`;
