import { useArrivalNotice } from '../hooks/useArrivalNotice';
import { LoadFailed } from '../components/LoadFailed';
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { FederationScriptSection } from '../components/FederationScriptSection';
import { IdpDetailsSection } from '../components/IdpDetailsSection';
import { LoadingStatus } from '../components/LoadingStatus';
import { SamlConnectorForm } from '../components/SamlConnectorForm';
import { SigningCertificatesSection } from '../components/SigningCertificatesSection';
import { CreateSamlConnectorMutation } from '../graphql/CreateSamlConnectorMutation';
import { SamlConnectorQuery } from '../graphql/SamlConnectorQuery';
import type { SamlConnector, SpMetadataImport } from '../graphql/samlTypes';
import { ServicesQuery } from '../graphql/ServicesQuery';
import { UpdateSamlConnectorMutation } from '../graphql/UpdateSamlConnectorMutation';
import { usePageTitle } from '../hooks/usePageTitle';
import { saveProblem } from '../internal/saveProblem';
import {
  formSnapshot,
  newSamlConnectorForm,
  samlConnectorFormFrom,
  samlConnectorInputFrom,
  type SamlConnectorFormValues,
} from '../internal/samlConnectorForm';
import { samlKindLabel } from '../internal/samlLabels';

const servicesContext = { additionalTypenames: ['ServiceInstance'] };

function BackLink() {
  return (
    <p className="breadcrumb">
      <Link to="/connectors/saml">← SAML connectors</Link>
    </p>
  );
}

/** `/connectors/saml/new[?kind=GENERIC]`: the empty form; saving creates the connector (and its key) and opens it. */
function NewConnector() {
  usePageTitle('New SAML connector');
  const navigate = useNavigate();
  const { search } = useLocation();
  const [, create] = useMutation(CreateSamlConnectorMutation);
  const [initial] = useState(() =>
    newSamlConnectorForm(new URLSearchParams(search).get('kind') === 'GENERIC' ? 'GENERIC' : 'OFFICE_365'),
  );

  const onSave = async (values: SamlConnectorFormValues) => {
    const result = await create({ input: samlConnectorInputFrom(values, 'new') });
    if (result.error) return saveProblem(result.error);
    const created = result.data?.createSamlConnector;
    if (created) {
      const next =
        created.kind === 'OFFICE_365'
          ? 'Choose it in a service, then generate the federation script below.'
          : 'Choose it in a service and give the service provider the details below.';
      navigate(`/connectors/saml/${created.id}`, { state: { notice: `“${created.name}” was created with a new signing key. ${next}` } });
    }
    return null;
  };

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div>
          <h1>New SAML connector</h1>
          <p className="page-intro">Countersign makes its signing key when the connector is created.</p>
        </div>
      </div>
      <section className="panel">
        <SamlConnectorForm initial={initial} mode="new" onSave={onSave} />
      </section>
    </>
  );
}

/** `/connectors/saml/:id`: settings, signing certificates, and the federation script or the details for the SP. */
function EditConnector({ connector }: { connector: SamlConnector }) {
  const [, update] = useMutation(UpdateSamlConnectorMutation);
  const [services] = useQuery({ query: ServicesQuery, requestPolicy: 'cache-and-network', context: servicesContext });
  const [notice, setNotice] = useArrivalNotice();
  const [importWarnings, setImportWarnings] = useState<string[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((changed: boolean) => {
    setDirty(changed);
    if (changed) setNotice(null);
  }, []);

  const onSave = async (values: SamlConnectorFormValues) => {
    setNotice(null);
    setImportWarnings(null);
    const result = await update({ id: connector.id, input: samlConnectorInputFrom(values, 'edit') });
    if (result.error) return saveProblem(result.error);
    setNotice('Saved.');
    return null;
  };
  const onMetadataImported = useCallback((result: SpMetadataImport) => {
    setNotice(null);
    setImportWarnings(result.warnings);
  }, []);

  // The form starts again from the server's values when the settings change (saved, metadata
  // imported), not when only the keys or the timestamps do, so unsaved edits survive a rotation.
  const initial = useMemo(() => samlConnectorFormFrom(connector), [connector]);
  const formKey = formSnapshot(initial);
  const office365 = connector.kind === 'OFFICE_365';
  const using = (services.data?.services ?? []).filter((service) => service.samlConnectorId === connector.id);
  return (
    <>
      <BackLink />
      <div className="page-header">
        <div>
          <div className="title-row">
            <h1>{connector.name}</h1>
            <span className="badge">{samlKindLabel(connector.kind)}</span>
            {connector.template ? <span className="badge badge-template">Template</span> : null}
          </div>
          <nav className="section-links" aria-label="On this page">
            <a href="#settings">Settings</a>
            <a href="#certificates">Signing certificates</a>
            {office365 ? <a href="#script">Federation script</a> : <a href="#idp">For the service provider</a>}
          </nav>
        </div>
      </div>

      {connector.template ? (
        <Alert tone="info" title="This is the Office 365 template">
          Set your own verified Microsoft 365 domain and brand name, save, then generate the federation script. Its
          placeholder domain, contoso.example, can never be federated.
        </Alert>
      ) : null}
      {connector.warnings.length > 0 ? (
        <Alert tone="info" title="Works, but weakens security or interoperability">
          <ul className="plain-list">
            {connector.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <section className="panel page-section" id="settings" aria-label="Settings">
        <p className="issuer-line">
          Issuer: <code>{connector.issuer}</code>
        </p>
        <SamlConnectorForm
          key={formKey}
          initial={initial}
          mode="edit"
          saved={connector}
          onSave={onSave}
          onDirtyChange={onDirtyChange}
          onMetadataImported={onMetadataImported}
          importWarnings={importWarnings}
        />
      </section>

      <section className="panel page-section" id="certificates" aria-labelledby="certificates-title">
        <SigningCertificatesSection connector={connector} titleId="certificates-title" />
      </section>

      {office365 ? (
        <section className="panel page-section" id="script" aria-labelledby="script-title">
          <FederationScriptSection connector={connector} services={using} unsaved={dirty} titleId="script-title" />
        </section>
      ) : (
        <section className="panel page-section" id="idp" aria-labelledby="idp-title">
          <IdpDetailsSection connector={connector} services={using} titleId="idp-title" />
        </section>
      )}
    </>
  );
}

function LoadConnector({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SamlConnectorQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  usePageTitle(data?.samlConnector.name ?? 'SAML connector');
  if (data?.samlConnector) return <EditConnector connector={data.samlConnector} />;
  if (fetching) {
    return (
      <>
        <BackLink />
        <LoadingStatus>Loading the SAML connector…</LoadingStatus>
      </>
    );
  }
  return (
    <>
      <BackLink />
      <LoadFailed what="SAML connector" listPath="/connectors/saml" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    </>
  );
}

export function SamlConnectorEditPage() {
  const { id } = useParams();
  return id ? <LoadConnector key={id} id={id} /> : <NewConnector />;
}
