import type { CombinedError } from 'urql';
import { useLiveStatus } from '../hooks/useLiveStatus';
import { describeError } from '../internal/describeError';

export interface LiveIndicatorProps {
  /** Set when the subscription has stopped. */
  error: CombinedError | undefined;
  onRestart: () => void;
}

/** Why the subscription stopped, in words. */
function stopReason(error: CombinedError): string {
  const close = error.networkError as { code?: unknown; reason?: unknown } | undefined;
  if (close && typeof close.code === 'number') {
    const reason = typeof close.reason === 'string' && close.reason ? `: ${close.reason}` : '';
    return `The server closed the live connection (${close.code}${reason}).`;
  }
  return describeError(error).message;
}

/** Small "Live" badge for the audit log's subscription, with a way back when it stopped. */
export function LiveIndicator({ error, onRestart }: LiveIndicatorProps) {
  const socket = useLiveStatus();
  if (error) {
    return (
      <span className="live live-off" role="status">
        <span className="live-dot" aria-hidden="true" />
        <span title={stopReason(error)}>
          Live updates stopped<span className="visually-hidden">. {stopReason(error)}</span>
        </span>
        <button type="button" className="link-button" onClick={onRestart}>
          Reconnect
        </button>
      </span>
    );
  }
  const connected = socket === 'connected';
  return (
    <span className={connected ? 'live live-on' : 'live live-wait'} role="status">
      <span className="live-dot" aria-hidden="true" />
      {connected ? 'Live' : 'Connecting…'}
    </span>
  );
}
