import type { TokenPackSend } from '../graphql/tokenPackTypes';
import { formatTime } from '../internal/formatTime';
import { SendStatusPill } from './SendStatusPill';

/** Token pack emails with their status, why a failed one failed, and when each link expires. */
export function TokenPackSendsTable({ sends, caption }: { sends: TokenPackSend[]; caption: string }) {
  return (
    <div className="table-wrap table-compact">
      <table className="data-table sends-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Status</th>
            <th scope="col">Requested</th>
            <th scope="col">Link expires</th>
          </tr>
        </thead>
        <tbody>
          {sends.map((send) => (
            <tr key={send.id}>
              <th scope="row" className="send-email">
                {send.email}
              </th>
              <td data-label="Status">
                <span className="send-status">
                  <SendStatusPill status={send.status} />
                  {send.reason ? (
                    <span className={send.status === 'FAILED' ? 'send-reason text-failed' : 'send-reason text-warning'}>
                      {send.status === 'QUEUED' ? `Will retry: ${send.reason}` : send.reason}
                    </span>
                  ) : null}
                </span>
              </td>
              <td data-label="Requested">
                <time dateTime={send.requestedAt}>{formatTime(send.requestedAt)}</time>
              </td>
              <td data-label="Expires">
                <time dateTime={send.expiresAt}>{formatTime(send.expiresAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
