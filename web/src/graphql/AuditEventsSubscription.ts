import { gql } from 'urql';
import { AuditEventFields } from './AuditEventFields';
import type { AuditEvent } from './types';

/** Audit events of the signed-in admin's tenant as they are recorded. */
export const AuditEventsSubscription = gql<{ auditEvents: AuditEvent }, Record<string, never>>`
  subscription AuditEventsLive {
    auditEvents {
      ...AuditEventFields
    }
  }
  ${AuditEventFields}
`;
