import { useState } from 'react';
import type { AuditEvent } from '../graphql/types';
import { AuditEventRow } from './AuditEventRow';

export interface AuditTableProps {
  events: AuditEvent[];
  /** Ids of events that arrived live, highlighted briefly. */
  freshIds?: ReadonlySet<string>;
}

/** The audit log table: time, type, category, actor, summary; rows expand to the full event. */
export function AuditTable({ events, freshIds }: AuditTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">Audit events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Type</th>
            <th scope="col">Category</th>
            <th scope="col">Actor</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <AuditEventRow
              key={event.id}
              event={event}
              expanded={expanded.has(event.id)}
              onToggle={() => toggle(event.id)}
              fresh={freshIds?.has(event.id) ?? false}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
