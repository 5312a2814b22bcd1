import type { AuditEvent } from '../graphql/types';
import { formatTime } from '../internal/formatTime';
import { AuditTimeline } from './AuditTimeline';
import { OutcomeIcon } from './OutcomeIcon';

export interface AuditEventRowProps {
  event: AuditEvent;
  expanded: boolean;
  onToggle: () => void;
  /** Arrived through the live subscription while the page was open. */
  fresh?: boolean;
}

/** The whole event, in the order of the schema, without GraphQL's `__typename`. */
function eventJson(event: AuditEvent): string {
  const ordered = {
    id: event.id,
    position: event.position,
    streamId: event.streamId,
    type: event.type,
    category: event.category,
    actor: { kind: event.actor.kind, id: event.actor.id },
    occurredAt: event.occurredAt,
    summary: event.summary,
    data: event.data,
    correlationId: event.correlationId,
    ip: event.ip,
    userAgent: event.userAgent,
    username: event.username,
    serviceId: event.serviceId,
    outcome: event.outcome,
  };
  return JSON.stringify(ordered, null, 2);
}

/** `DirectoryConnectorCreated` with line-break opportunities between its words. */
function breakableType(type: string) {
  return type
    .split(/(?<=[a-z0-9])(?=[A-Z])/)
    .flatMap((word, i) => (i === 0 ? [word] : [<wbr key={i} />, word]));
}

/**
 * One audit event as a table row; when expanded, a second row shows the timeline of its
 * request (every event with the same correlation id) and the whole event as JSON.
 */
export function AuditEventRow({ event, expanded, onToggle, fresh = false }: AuditEventRowProps) {
  const detailsId = `audit-event-${event.id}`;
  return (
    <>
      <tr className={['audit-row', expanded ? 'expanded' : '', fresh ? 'fresh' : ''].join(' ')} onClick={onToggle}>
        <td data-label="Time" className="audit-time">
          <button
            type="button"
            className="expander"
            aria-expanded={expanded}
            aria-controls={expanded ? detailsId : undefined}
            aria-label={`${expanded ? 'Hide' : 'Show'} details of ${event.type} at ${formatTime(event.occurredAt)}`}
          >
            <span className="chevron" aria-hidden="true" />
          </button>
          <time dateTime={event.occurredAt} title={event.occurredAt}>
            {formatTime(event.occurredAt)}
          </time>
        </td>
        <td data-label="Type" className="audit-type">
          {breakableType(event.type)}
          {event.outcome ? (
            <>
              {' '}
              <OutcomeIcon outcome={event.outcome === 'success' ? 'ok' : event.outcome === 'failure' ? 'failed' : 'skipped'} />
            </>
          ) : null}
        </td>
        <td data-label="Category">
          <span className="tag">{event.category}</span>
        </td>
        <td data-label="Actor" className="audit-actor">
          <span className="actor-kind">{event.actor.kind}</span>{' '}
          <span className="actor-id" title={event.actor.id}>
            {event.actor.id}
          </span>
        </td>
        <td data-label="Summary" className="audit-summary">
          {event.summary}
        </td>
      </tr>
      {expanded ? (
        <tr className="audit-details" id={detailsId}>
          <td colSpan={5}>
            <div className="audit-details-grid">
              <section aria-labelledby={`${detailsId}-timeline`}>
                <h3 id={`${detailsId}-timeline`} className="audit-details-title">
                  Timeline
                </h3>
                <AuditTimeline correlationId={event.correlationId} eventId={event.id} />
              </section>
              <section aria-labelledby={`${detailsId}-json`}>
                <h3 id={`${detailsId}-json`} className="audit-details-title">
                  Event
                </h3>
                <pre tabIndex={0} aria-label={`Event ${event.id} as JSON`}>
                  {eventJson(event)}
                </pre>
              </section>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
