import { gql } from 'urql';
import { AuditEventFields } from './AuditEventFields';
import type { AuditEvent } from './types';

/** Every event of one sign-in, enrollment or request, oldest first. */
export const AuditTimelineQuery = gql<{ auditTimeline: AuditEvent[] }, { correlationId: string }>`
  query AuditTimeline($correlationId: String!) {
    auditTimeline(correlationId: $correlationId) {
      ...AuditEventFields
    }
  }
  ${AuditEventFields}
`;
