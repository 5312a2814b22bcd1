import type { ImportReport } from '../graphql/directoryTypes';
import { OutcomeIcon } from './OutcomeIcon';

/** How each CSV row fared: line, username, and what to fix in the rows that were not imported. */
export function ImportReportTable({ report }: { report: ImportReport }) {
  const rows = [...report.rows].sort((a, b) => Number(a.ok) - Number(b.ok) || a.line - b.line);
  return (
    <div className="import-report">
      <p className={report.failed > 0 ? 'test-verdict test-verdict-failed' : 'test-verdict test-verdict-ok'} role="status">
        <OutcomeIcon outcome={report.failed > 0 ? 'failed' : 'ok'} />
        <strong>
          {report.imported} {report.imported === 1 ? 'user' : 'users'} imported
          {report.failed > 0 ? `, ${report.failed} ${report.failed === 1 ? 'row' : 'rows'} not imported` : ''}.
        </strong>
      </p>
      {rows.length > 0 ? (
        <div className="table-wrap table-compact">
          <table className="data-table import-table">
            <caption className="visually-hidden">Import report, rows with problems first</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Username</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.line}-${row.username}`} className={row.ok ? undefined : 'row-failed'}>
                  <td data-label="Line">{row.line}</td>
                  <td data-label="Username">{row.username || <span className="muted">—</span>}</td>
                  <td data-label="Result">
                    <span className="import-result">
                      <OutcomeIcon outcome={row.ok ? 'ok' : 'failed'} />
                      {row.ok ? 'Imported' : row.error}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
