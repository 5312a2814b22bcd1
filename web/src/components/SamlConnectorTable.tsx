import { Link } from 'react-router';
import type { SamlConnector } from '../graphql/samlTypes';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { samlKindLabel } from '../internal/samlLabels';
import { CertificateExpiry } from './CertificateExpiry';
import { RowActionButton, RowActionLink } from './RowAction';

export interface SamlConnectorTableProps {
  connectors: SamlConnector[];
  /** All services, to name the ones that use each connector. */
  services: ServiceInstance[];
  onDelete: (connector: SamlConnector) => void;
}

/** SAML connectors as a table on wide screens and as cards on phones, with edit and delete per row. */
export function SamlConnectorTable({ connectors, services, onDelete }: SamlConnectorTableProps) {
  const serviceById = new Map(services.map((service) => [service.id, service]));
  return (
    <div className="table-wrap">
      <table className="data-table saml-table">
        <caption className="visually-hidden">SAML connectors, by name</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Issuer</th>
            <th scope="col">Signing certificate</th>
            <th scope="col">Used by</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {connectors.map((connector) => (
            <tr key={connector.id}>
              <th scope="row" className="connector-name">
                <Link to={`/connectors/saml/${connector.id}`}>{connector.name}</Link>
                <span className="connector-type">
                  {samlKindLabel(connector.kind)}
                  {connector.kind === 'OFFICE_365' && connector.federatedDomain ? <code>{connector.federatedDomain}</code> : null}
                  {connector.kind === 'GENERIC' && connector.spEntityId ? <code>{connector.spEntityId}</code> : null}
                  {connector.template ? <span className="badge badge-template">Template</span> : null}
                </span>
                {connector.template ? (
                  <span className="template-hint">Edit it to set your Microsoft 365 domain, then run the federation script.</span>
                ) : null}
              </th>
              <td data-label="Issuer">
                <code className="issuer">{connector.issuer}</code>
              </td>
              <td data-label="Certificate">
                <CertificateExpiry certificate={connector.signingCertificate} />
                {connector.nextSigningCertificate ? <span className="tag tag-ok cert-next-tag">Next key ready</span> : null}
              </td>
              <td data-label="Used by">
                {connector.usedByServiceIds.length === 0 ? (
                  <span className="muted">No service</span>
                ) : (
                  <ul className="used-by">
                    {connector.usedByServiceIds.map((id) => {
                      const service = serviceById.get(id);
                      return (
                        <li key={id}>
                          <Link to={`/services/${id}`}>{service?.name ?? 'A service'}</Link>
                          {service ? (
                            <span className={service.state === 'STARTED' ? 'used-by-state text-ok' : 'used-by-state'}>
                              {service.state === 'STARTED' ? 'started' : 'stopped'}
                            </span>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td className="row-actions">
                <RowActionLink to={`/connectors/saml/${connector.id}`} icon="pencil" label="Edit" subject={connector.name} />
                <RowActionButton icon="trash" label="Delete" danger subject={connector.name} onClick={() => onDelete(connector)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
