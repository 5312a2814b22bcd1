import { Link } from 'react-router';
import type { FraudReport } from '../graphql/dashboardTypes';
import { formatTime } from '../internal/formatTime';

/** The audit log filtered to this user's fraud reports (the audit filter has no correlation id). */
function auditLink(report: FraudReport): string {
  const params = new URLSearchParams({ type: 'FraudReported' });
  if (report.username) params.set('username', report.username);
  return `/audit?${params}`;
}

/** The latest fraud reports: when, whose sign-in, for which service, from which address. */
export function FraudReportTable({ reports }: { reports: FraudReport[] }) {
  if (reports.length === 0) return <p className="empty-note">No fraud reports. Users report sign-ins they did not start from their phone.</p>;
  return (
    <div className="table-wrap table-compact">
      <table className="data-table">
        <caption className="visually-hidden">Recent fraud reports, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Service</th>
            <th scope="col">Client IP</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.correlationId + report.occurredAt}>
              <th scope="row">
                <Link to={auditLink(report)} title="Show in the audit log">
                  <time dateTime={report.occurredAt}>{formatTime(report.occurredAt)}</time>
                </Link>
              </th>
              <td data-label="User">{report.username ?? <span className="muted">Unknown</span>}</td>
              <td data-label="Service">{report.serviceName ?? report.serviceId ?? <span className="muted">Unknown</span>}</td>
              <td data-label="Client IP">{report.clientIp ? <code>{report.clientIp}</code> : <span className="muted">Unknown</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
