import { gql } from 'urql';
import { AuditEventFields } from './AuditEventFields';
import type { AuditEventConnection } from './types';

/** One page of the tenant's audit log, newest first; pass `pageInfo.endCursor` as `after` for older events. */
export const AuditEventsQuery = gql<
  { auditEvents: AuditEventConnection },
  { first: number; after: string | null }
>`
  query AuditEvents($first: Int!, $after: String) {
    auditEvents(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...AuditEventFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${AuditEventFields}
`;
