import { Link } from 'react-router';
import type { SamlConnector } from '../graphql/samlTypes';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { SERVICE_FIELD_HELP } from '../internal/serviceFieldHelp';
import { CopyField } from './CopyField';

/** What to enter in a generic service provider's SAML settings: Countersign's entity ID, and each service's URLs. */
export function IdpDetailsSection({ connector, services, titleId }: { connector: SamlConnector; services: ServiceInstance[]; titleId: string }) {
  return (
    <>
      <h2 id={titleId}>For the service provider</h2>
      <p className="page-intro">Enter these in the application’s SAML settings, or give it the metadata URL if it reads metadata.</p>
      <div className="copy-fields">
        <CopyField label="IdP entity ID (Issuer)" value={connector.issuer} help={SAML_FIELD_HELP.idpEntityId} />
      </div>
      {services.length === 0 ? (
        <p className="empty-note">
          No service uses this connector yet, so there is no sign-in URL. <Link to="/services/new">Create a service</Link>{' '}
          with this connector.
        </p>
      ) : (
        services.map((service) => (
          <div key={service.id} className="copy-fields">
            <h3 className="copy-fields-title">
              <Link to={`/services/${service.id}`}>{service.name}</Link>
            </h3>
            <CopyField label="Single sign-on URL" value={service.ssoUrl} help={SERVICE_FIELD_HELP.ssoUrl} />
            <CopyField label="Metadata URL" value={service.metadataUrl} help={SERVICE_FIELD_HELP.metadataUrl} />
            <CopyField label="Single logout URL" value={service.sloUrl} help={SERVICE_FIELD_HELP.sloUrl} />
          </div>
        ))
      )}
    </>
  );
}
