import type { TokenPackSendStatus } from '../graphql/tokenPackTypes';

const LABELS: Record<TokenPackSendStatus, string> = { QUEUED: 'Queued', SENT: 'Sent', FAILED: 'Failed' };
const CLASSES: Record<TokenPackSendStatus, string> = { QUEUED: 'pill pill-queued', SENT: 'pill pill-ok', FAILED: 'pill pill-failed' };

/** The outcome of one token pack email: Queued, Sent or Failed. */
export function SendStatusPill({ status }: { status: TokenPackSendStatus }) {
  return <span className={CLASSES[status]}>{LABELS[status] ?? status}</span>;
}
