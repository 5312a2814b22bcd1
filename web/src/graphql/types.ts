/** Hand-written result types for the admin operations, matching `schema.graphql`. */

export type AdminRole = 'OWNER' | 'ADMIN' | 'AUDITOR';

export interface Admin {
  __typename?: 'Admin';
  id: string;
  email: string;
  role: AdminRole;
  tenantId: string;
}

export interface AdminSession {
  __typename?: 'AdminSession';
  admin: Admin;
  csrfToken: string;
}

export interface Actor {
  __typename?: 'Actor';
  kind: string;
  id: string;
}

export interface AuditEvent {
  __typename?: 'AuditEvent';
  id: string;
  position: string;
  streamId: string;
  type: string;
  category: string;
  actor: Actor;
  /** ISO 8601 timestamp (`DateTimeISO`). */
  occurredAt: string;
  summary: string;
  data: Record<string, unknown>;
  correlationId: string;
  ip: string | null;
  userAgent: string | null;
  /** The user the event is about, when there is one. */
  username: string | null;
  /** The service instance the event is about, when there is one. */
  serviceId: string | null;
  /** `success` or `failure`, for events that end something. */
  outcome: string | null;
}

export type AuditOutcome = 'SUCCESS' | 'FAILURE';

/** `AuditFilter`: every field is optional and they combine with AND. */
export interface AuditFilter {
  /** ISO 8601: events at or after this time. */
  from?: string;
  /** ISO 8601: events before this time. */
  to?: string;
  types?: string[];
  categories?: string[];
  actorKind?: string;
  actorId?: string;
  username?: string;
  serviceId?: string;
  outcome?: AuditOutcome;
  ip?: string;
  correlationId?: string;
}

export interface PageInfo {
  __typename?: 'PageInfo';
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface AuditEventConnection {
  __typename?: 'AuditEventConnection';
  edges: { __typename?: 'AuditEventEdge'; cursor: string; node: AuditEvent }[];
  pageInfo: PageInfo;
}
