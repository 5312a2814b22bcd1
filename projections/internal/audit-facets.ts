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
 * Whether facets seen earlier in this stream carry forward to its later events. Only a sign-in
 * (or enrollment, or push challenge) stream is about one user and one service throughout; a
 * token pack, say, names a different service in each toggle event.
 */
export function carriesFacets(streamId: string): boolean {
  return streamId.startsWith('authentication-') || streamId.startsWith('enrollment-') || streamId.startsWith('challenge-');
}

/**
 * What the audit history filters by besides type, actor and time: the user an event is about,
 * the service, and whether it is a success or a failure. A sign-in stream names its service
 * only in its first event and its user only after the password step, so facets seen earlier in
 * the same stream are carried forward (`known`).
 */
export function auditFacets(event: RecordedEvent, known: { username: string | null; serviceId: string | null } | undefined): AuditFacets {
  const data = (event.data ?? {}) as Record<string, unknown>;
  const carries = carriesFacets(event.streamId);
  const username = str(data.username) ?? str(data.email) ?? (carries ? known?.username : null) ?? null;
  const serviceId = str(data.serviceId) ?? (carries ? known?.serviceId : null) ?? null;
  let outcome = OUTCOMES[event.type] ?? null;
  if (event.type === 'DirectoryConnectionTested') outcome = data.ok ? 'success' : 'failure';
  return { username, serviceId, outcome };
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v ? v : null;
}
