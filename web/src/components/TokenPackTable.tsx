import { Link } from 'react-router';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { formatTime } from '../internal/formatTime';
import { tokenPackPath } from '../internal/tokenPackPaths';
import { RowActionButton, RowActionLink } from './RowAction';
import { SendStatusPill } from './SendStatusPill';
import { TokenPackIcon } from './TokenPackIcon';

export interface TokenPackTableProps {
  packs: TokenPack[];
  onSend: (pack: TokenPack) => void;
  onDelete: (pack: TokenPack) => void;
}

function LastSend({ pack }: { pack: TokenPack }) {
  const last = pack.latestSends[0];
  if (!last) return <span className="muted">Never sent</span>;
  return (
    <span className="last-send" title={last.reason ?? undefined}>
      <SendStatusPill status={last.status} />
      <span className="last-send-to">
        {last.email}
        <time className="last-send-time" dateTime={last.updatedAt}>
          {formatTime(last.updatedAt)}
        </time>
      </span>
    </span>
  );
}

/** Token packs as a table on wide screens and as cards on phones, with edit, send and delete per row. */
export function TokenPackTable({ packs, onSend, onDelete }: TokenPackTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table token-pack-table">
        <caption className="visually-hidden">Token packs, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Primary directory</th>
            <th scope="col">Services</th>
            <th scope="col">Trusted networks</th>
            <th scope="col">Last send</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {packs.map((pack) => {
            const enabled = pack.services.filter((service) => service.enabled).length;
            return (
              <tr key={pack.id}>
                <th scope="row" className="connector-name">
                  <span className="pack-name">
                    <TokenPackIcon icon={pack.icon} color={pack.theme.primaryColor} size={32} />
                    <span>
                      <Link to={tokenPackPath(pack.id)}>{pack.name}</Link>
                      {pack.template ? (
                        <span className="connector-type">
                          <span className="badge badge-template">Template</span>
                        </span>
                      ) : null}
                    </span>
                  </span>
                </th>
                <td data-label="Directory">
                  {pack.primaryDirectoryName ?? (
                    <span className="text-warning">{pack.primaryDirectoryId ? 'Deleted — choose another' : 'None — choose one'}</span>
                  )}
                </td>
                <td data-label="Services">
                  {pack.services.length === 0 ? (
                    <span className="muted">No services yet</span>
                  ) : (
                    <span className="services-count" title={pack.services.filter((s) => s.enabled).map((s) => s.name ?? s.serviceId).join(', ') || undefined}>
                      {enabled} of {pack.services.length} enabled
                    </span>
                  )}
                </td>
                <td data-label="Networks">{pack.trustedNetworks.length === 0 ? <span className="muted">None</span> : pack.trustedNetworks.length}</td>
                <td data-label="Last send">
                  <LastSend pack={pack} />
                </td>
                <td className="row-actions">
                  <RowActionLink to={tokenPackPath(pack.id)} icon="pencil" label="Edit" subject={pack.name} />
                  <RowActionButton icon="envelope" label="Send" title="Send by email" subject={pack.name} onClick={() => onSend(pack)} />
                  <RowActionButton icon="trash" label="Delete" danger subject={pack.name} onClick={() => onDelete(pack)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
