import { useQuery } from 'urql';
import { AuditTimelineQuery } from '../graphql/AuditTimelineQuery';
import { describeError } from '../internal/describeError';
import { formatTime } from '../internal/formatTime';
import { LoadingStatus } from './LoadingStatus';
import { OutcomeIcon } from './OutcomeIcon';

export interface AuditTimelineProps {
  correlationId: string;
  /** The event whose row was opened, marked in the timeline. */
  eventId: string;
}

/** Milliseconds between two ISO times as "+1.2 s" / "+350 ms". */
function gap(fromIso: string, toIso: string): string {
  const ms = new Date(toIso).getTime() - new Date(fromIso).getTime();
  if (!Number.isFinite(ms) || ms <= 0) return '';
  return ms < 1000 ? `+${ms} ms` : ms < 60_000 ? `+${(ms / 1000).toFixed(1)} s` : `+${Math.round(ms / 60_000)} min`;
}

/** Every event of the sign-in, enrollment or request an event belongs to, oldest first. */
export function AuditTimeline({ correlationId, eventId }: AuditTimelineProps) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: AuditTimelineQuery, variables: { correlationId }, requestPolicy: 'cache-and-network' });
  const events = data?.auditTimeline ?? [];
  if (!data && fetching) {
    return (
      <LoadingStatus>Loading the timeline…</LoadingStatus>
    );
  }
  if (error && !data) {
    return (
      <p className="text-failed">
        The timeline could not be loaded: {describeError(error).message}{' '}
        <button type="button" className="link-button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
          Try again
        </button>
      </p>
    );
  }
  const first = events[0];
  if (!first) return <p className="muted">No events of this request are in the audit history any more.</p>;
  return (
    <>
    <ol className="audit-timeline" aria-label={`Timeline of request ${correlationId}, oldest first`}>
      {events.map((event, index) => {
        const current = event.id === eventId;
        return (
          <li key={event.id} className={current ? 'timeline-item current' : 'timeline-item'} aria-current={current ? 'step' : undefined}>
            <span className="timeline-dot" aria-hidden="true" />
            <div className="timeline-body">
              <div className="timeline-head">
                <span className="timeline-type">{event.type}</span>
                {event.outcome ? <OutcomeIcon outcome={event.outcome === 'success' ? 'ok' : event.outcome === 'failure' ? 'failed' : 'skipped'} /> : null}
                <time className="timeline-time" dateTime={event.occurredAt} title={event.occurredAt}>
                  {index === 0 ? formatTime(event.occurredAt) : gap(first.occurredAt, event.occurredAt) || formatTime(event.occurredAt)}
                </time>
                {current ? <span className="tag">This event</span> : null}
              </div>
              <p className="timeline-summary">{event.summary}</p>
              <p className="timeline-meta">
                {event.actor.kind} {event.actor.id}
                {event.ip ? ` · ${event.ip}` : ''}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
    {events.length === 1 ? <p className="muted timeline-note">This event is the only one of its request.</p> : null}
    </>
  );
}
