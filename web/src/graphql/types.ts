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
