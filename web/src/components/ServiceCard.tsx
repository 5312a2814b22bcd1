import { Link } from 'react-router';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { SERVICE_FIELD_HELP } from '../internal/serviceFieldHelp';
import { CopyField } from './CopyField';
import { Icon } from './Icon';
import { ServiceIcon } from './ServiceIcon';
import { ServiceStartStop } from './ServiceStartStop';
import { ServiceStateBadge } from './ServiceStateBadge';

export interface ServiceCardProps {
  service: ServiceInstance;
  /** Names of the connectors it uses (absent when it has none). */
  directoryName?: string | undefined;
  samlName?: string | undefined;
}

/** One service in the list: icon, name, description, state with START/STOP, and the URLs to hand out. */
export function ServiceCard({ service, directoryName, samlName }: ServiceCardProps) {
  const titleId = `service-${service.id}-title`;
  return (
    <article className="service-card" aria-labelledby={titleId}>
      <div className="service-card-head">
        <ServiceIcon icon={service.icon} />
        <div className="service-card-title">
          <h2 id={titleId}>
            <Link to={`/services/${service.id}`}>{service.name}</Link>
          </h2>
          <div className="service-card-meta">
            <ServiceStateBadge state={service.state} />
            {service.secondFactor === 'OFF' ? <span className="tag tag-warning">Password only</span> : null}
          </div>
        </div>
        <div className="service-card-actions">
          <ServiceStartStop service={service} />
          <Link to={`/services/${service.id}`} className="icon-button" title="Edit">
            <Icon name="pencil" />
            <span className="visually-hidden">Edit {service.name}</span>
          </Link>
        </div>
      </div>
      {service.description ? <p className="service-card-description">{service.description}</p> : null}
      <p className="service-card-connectors">
        <span>
          Directory:{' '}
          {service.directoryConnectorId ? (
            <Link to={`/directories/${service.directoryConnectorId}`}>{directoryName}</Link>
          ) : (
            <span className="muted">none</span>
          )}
        </span>
        <span>
          SAML:{' '}
          {service.samlConnectorId ? (
            <Link to={`/connectors/saml/${service.samlConnectorId}`}>{samlName}</Link>
          ) : (
            <span className="muted">none</span>
          )}
        </span>
      </p>
      <div className="copy-fields">
        <CopyField label="SSO URL" value={service.ssoUrl} help={SERVICE_FIELD_HELP.ssoUrl} />
        <CopyField label="Metadata URL" value={service.metadataUrl} help={SERVICE_FIELD_HELP.metadataUrl} />
      </div>
      {service.state === 'STARTED' ? (
        <p className="service-card-test">
          {/* A plain link: the sign-in pages are served by the IdP, not by the dashboard. */}
          <a className="button button-secondary" href={`/saml/${service.id}/test`} target="_blank" rel="noopener">
            Test your setup
          </a>{' '}
          <span className="muted">Sign in as one of your users against the built-in test application, before pointing the real one here.</span>
        </p>
      ) : null}
    </article>
  );
}
