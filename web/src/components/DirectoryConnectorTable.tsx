import { Link } from 'react-router';
import type { DirectoryConnector } from '../graphql/directoryTypes';
import { directoryTypeLabel, securityLabel } from '../internal/directoryLabels';
import { LastTestSummary } from './LastTestSummary';
import { RowActionButton, RowActionLink } from './RowAction';

export interface DirectoryConnectorTableProps {
  connectors: DirectoryConnector[];
  onTest: (connector: DirectoryConnector) => void;
  onDelete: (connector: DirectoryConnector) => void;
}

function Hosts({ connector }: { connector: DirectoryConnector }) {
  if (connector.type === 'BUILT_IN') return <span className="muted">Built-in</span>;
  return (
    <ul className="host-summary">
      {connector.hosts.map((host) => (
        <li key={host}>
          <code>{connector.port && !/:\d+$/.test(host) ? `${host}:${connector.port}` : host}</code>
        </li>
      ))}
    </ul>
  );
}

/** Directory connectors as a table on wide screens and as cards on phones, with edit, test and delete per row. */
export function DirectoryConnectorTable({ connectors, onTest, onDelete }: DirectoryConnectorTableProps) {
  return (
    <div className="table-wrap">
      <table className="data-table connector-table">
        <caption className="visually-hidden">Directory connectors, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Hosts</th>
            <th scope="col">Security</th>
            <th scope="col">Users</th>
            <th scope="col">Last test</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connectors.map((connector) => (
            <tr key={connector.id}>
              <th scope="row" className="connector-name">
                <Link to={`/directories/${connector.id}`}>{connector.name}</Link>
                <span className="connector-type">
                  {directoryTypeLabel(connector.type)}
                  {connector.template ? <span className="badge badge-template">Template</span> : null}
                </span>
                {connector.template ? (
                  <span className="template-hint">
                    Edit it to name it and manage its users, or add your LDAP directory instead.
                  </span>
                ) : null}
              </th>
              <td data-label="Hosts">
                <Hosts connector={connector} />
              </td>
              <td data-label="Security">
                {connector.security ? (
                  <span className={connector.security === 'NONE' ? 'tag tag-warning' : 'tag'}>{securityLabel(connector.security)}</span>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td data-label="Users">
                {connector.userCount ?? <span className="muted" title="LDAP users live in their own directory">—</span>}
              </td>
              <td data-label="Last test">
                <LastTestSummary test={connector.lastTest} />
              </td>
              <td className="row-actions">
                <RowActionLink to={`/directories/${connector.id}`} icon="pencil" label="Edit" subject={connector.name} />
                <RowActionButton icon="signal" label="Test" title="Test connection" subject={connector.name} onClick={() => onTest(connector)} />
                <RowActionButton icon="trash" label="Delete" danger subject={connector.name} onClick={() => onDelete(connector)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
