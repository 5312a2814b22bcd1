import { gql } from 'urql';
import { AuditEventFields } from './AuditEventFields';
import type { AuditEventConnection, AuditFilter } from './types';

/** One page of the tenant's audit log, newest first; pass `pageInfo.endCursor` as `after` for older events. */
export const AuditEventsQuery = gql<
  { auditEvents: AuditEventConnection },
  { first: number; after: string | null; filter: AuditFilter | null }
>`
  query AuditEvents($first: Int!, $after: String, $filter: AuditFilter) {
    auditEvents(first: $first, after: $after, filter: $filter) {
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
