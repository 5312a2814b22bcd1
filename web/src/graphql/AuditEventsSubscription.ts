import { gql } from 'urql';
import { AuditEventFields } from './AuditEventFields';
import type { AuditEvent, AuditFilter } from './types';

/** Audit events of the signed-in admin's tenant that match `filter`, as they are recorded. */
export const AuditEventsSubscription = gql<{ auditEvents: AuditEvent }, { filter: AuditFilter | null }>`
  subscription AuditEventsLive($filter: AuditFilter) {
    auditEvents(filter: $filter) {
      ...AuditEventFields
    }
  }
  ${AuditEventFields}
`;
