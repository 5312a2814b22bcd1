import { useArrivalNotice } from '../hooks/useArrivalNotice';
import { LoadFailed } from '../components/LoadFailed';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { CopyField } from '../components/CopyField';
import { DeleteServiceDialog } from '../components/DeleteServiceDialog';
import { Icon } from '../components/Icon';
import { LoadingStatus } from '../components/LoadingStatus';
import { ServiceForm } from '../components/ServiceForm';
import { ServiceIcon } from '../components/ServiceIcon';
import { ServiceStartStop } from '../components/ServiceStartStop';
import { ServiceStateBadge } from '../components/ServiceStateBadge';
import { CreateServiceMutation } from '../graphql/CreateServiceMutation';
import { ServiceQuery } from '../graphql/ServiceQuery';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { UpdateServiceMutation } from '../graphql/UpdateServiceMutation';
import { usePageTitle } from '../hooks/usePageTitle';
import { saveProblem } from '../internal/saveProblem';
import { SERVICE_FIELD_HELP } from '../internal/serviceFieldHelp';
import { newServiceForm, serviceFormFrom, serviceInputFrom, type ServiceFormValues } from '../internal/serviceForm';

const servicesChanged = { additionalTypenames: ['ServiceInstance', 'SamlConnector'] };

function BackLink() {
  return (
    <p className="breadcrumb">
      <Link to="/services">← Services</Link>
    </p>
  );
}

/** `/services/new`: the empty form; saving creates a stopped service and opens it. */
function NewService() {
  usePageTitle('New service');
  const navigate = useNavigate();
  const [, create] = useMutation(CreateServiceMutation);
  const [initial] = useState(newServiceForm);

  const onSave = async (values: ServiceFormValues) => {
    const result = await create({ input: serviceInputFrom(values) }, servicesChanged);
    if (result.error) return saveProblem(result.error);
    const created = result.data?.createService;
    if (created) navigate(`/services/${created.id}`, { state: { notice: `“${created.name}” was created. It is stopped: start it when its connectors are ready.` } });
    return null;
  };

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div>
          <h1>New service</h1>
          <p className="page-intro">A service is created stopped; start it once its directory and SAML connector are ready.</p>
        </div>
      </div>
      <section className="panel">
        <ServiceForm initial={initial} mode="new" onSave={onSave} />
      </section>
    </>
  );
}

/** `/services/:id`: state with START/STOP and the URLs, the settings, and delete. */
function EditService({ service }: { service: ServiceInstance }) {
  const navigate = useNavigate();
  const [, update] = useMutation(UpdateServiceMutation);
  const [notice, setNotice] = useArrivalNotice();
  const [deleting, setDeleting] = useState(false);
  const onDirtyChange = useCallback((changed: boolean) => {
    if (changed) setNotice(null);
  }, []);

  const onSave = async (values: ServiceFormValues) => {
    setNotice(null);
    const result = await update({ id: service.id, input: serviceInputFrom(values) }, servicesChanged);
    if (result.error) return saveProblem(result.error);
    setNotice('Saved.');
    return null;
  };

  // Starts again from the server's values when the settings change, not when only the state
  // does, so unsaved edits survive a start or stop.
  const initial = useMemo(() => serviceFormFrom(service), [service]);
  const started = service.state === 'STARTED';
  return (
    <>
      <BackLink />
      <div className="page-header">
        <div className="service-title">
          <ServiceIcon icon={service.icon} size={44} />
          <div>
            <div className="title-row">
              <h1>{service.name}</h1>
              {service.secondFactor === 'OFF' ? <span className="tag tag-warning">Password only</span> : null}
            </div>
            {service.description ? <p className="page-intro">{service.description}</p> : null}
          </div>
        </div>
      </div>
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <section className="panel page-section service-status" aria-labelledby="status-title">
        <div className="section-header">
          <div>
            <div className="title-row">
              <h2 id="status-title">Status</h2>
              <ServiceStateBadge state={service.state} />
            </div>
            <p className="page-intro">
              {started ? 'Answering sign-ins at the URLs below.' : 'Stopped: its sign-in URL refuses every request.'}
            </p>
          </div>
          <ServiceStartStop service={service} editLink={false} />
        </div>
        <div className="copy-fields">
          <CopyField label="SSO URL" value={service.ssoUrl} help={SERVICE_FIELD_HELP.ssoUrl} />
          <CopyField label="Metadata URL" value={service.metadataUrl} help={SERVICE_FIELD_HELP.metadataUrl} />
          <CopyField label="Single logout URL" value={service.sloUrl} help={SERVICE_FIELD_HELP.sloUrl} />
        </div>
      </section>

      <section className="panel page-section" aria-label="Settings">
        <ServiceForm key={JSON.stringify(initial)} initial={initial} mode="edit" serviceId={service.id} onSave={onSave} onDirtyChange={onDirtyChange} />
      </section>

      <section className="panel page-section danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete this service</h2>
        <p className="page-intro">
          {started ? 'A running service cannot be deleted; stop it first.' : 'Its URLs stop working; its connectors are kept.'}
        </p>
        <div>
          <button type="button" className="button button-secondary danger-button" onClick={() => setDeleting(true)}>
            <Icon name="trash" /> Delete service
          </button>
        </div>
      </section>

      {deleting ? (
        <DeleteServiceDialog
          service={service}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate('/services', { state: { notice: `“${service.name}” was deleted.` } })}
        />
      ) : null}
    </>
  );
}

function LoadService({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ServiceQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  usePageTitle(data?.service.name ?? 'Service');
  if (data?.service) return <EditService service={data.service} />;
  if (fetching) {
    return (
      <>
        <BackLink />
        <LoadingStatus>Loading the service…</LoadingStatus>
      </>
    );
  }
  return (
    <>
      <BackLink />
      <LoadFailed what="service" listPath="/services" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    </>
  );
}

export function ServiceEditPage() {
  const { id } = useParams();
  return id ? <LoadService key={id} id={id} /> : <NewService />;
}
