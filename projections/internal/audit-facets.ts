import type { RecordedEvent } from '../../api/eventstore';

/** Event types that end something well or badly, for the audit "outcome" filter. */
const OUTCOMES: Record<string, 'success' | 'failure'> = {
  AssertionIssued: 'success',
  PrimaryAuthSucceeded: 'success',
  AdminSignedIn: 'success',
  DirectoryConnectionTested: 'success',
  TokenPackEmailSent: 'success',
  AuthenticationFailed: 'failure',
  AuthnRequestRejected: 'failure',
  PrimaryAuthFailed: 'failure',
  AdminSignInFailed: 'failure',
  TokenPackEmailFailed: 'failure',
};

export interface AuditFacets {
  username: string | null;
  serviceId: string | null;
  outcome: 'success' | 'failure' | null;
}

/**
 * What the audit history filters by besides type, actor and time: the user an event is about,
 * the service, and whether it is a success or a failure. A sign-in stream names its service
 * only in its first event and its user only after the password step, so facets seen earlier in
 * the same stream are carried forward (`known`).
 */
export function auditFacets(event: RecordedEvent, known: { username: string | null; serviceId: string | null } | undefined): AuditFacets {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const username = str(data.username) ?? str(data.email) ?? known?.username ?? null;
  const serviceId = str(data.serviceId) ?? known?.serviceId ?? null;
  let outcome = OUTCOMES[event.type] ?? null;
  if (event.type === 'DirectoryConnectionTested') outcome = data.ok ? 'success' : 'failure';
  return { username, serviceId, outcome };
}
