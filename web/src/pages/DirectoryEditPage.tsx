import { useArrivalNotice } from '../hooks/useArrivalNotice';
import { LoadFailed } from '../components/LoadFailed';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { ConnectionTestPanel } from '../components/ConnectionTestPanel';
import { DirectoryConnectorForm } from '../components/DirectoryConnectorForm';
import { DirectoryUsersSection } from '../components/DirectoryUsersSection';
import { LoadingStatus } from '../components/LoadingStatus';
import { CreateDirectoryConnectorMutation } from '../graphql/CreateDirectoryConnectorMutation';
import { DirectoryConnectorQuery } from '../graphql/DirectoryConnectorQuery';
import type { DirectoryConnector } from '../graphql/directoryTypes';
import { UpdateDirectoryConnectorMutation } from '../graphql/UpdateDirectoryConnectorMutation';
import { usePageTitle } from '../hooks/usePageTitle';
import { connectorFormFrom, connectorInputFrom, newConnectorForm, type ConnectorFormValues } from '../internal/connectorForm';
import { directoryTypeLabel } from '../internal/directoryLabels';
import { saveProblem } from '../internal/saveProblem';

function BackLink() {
  return (
    <p className="breadcrumb">
      <Link to="/directories">← Directories</Link>
    </p>
  );
}

/** `/directories/new`: the empty form; saving creates the connector and opens it. */
function NewConnector() {
  usePageTitle('New directory connector');
  const navigate = useNavigate();
  const [, create] = useMutation(CreateDirectoryConnectorMutation);
  const [initial] = useState(newConnectorForm);

  const onSave = async (values: ConnectorFormValues) => {
    const result = await create({ input: connectorInputFrom(values) });
    if (result.error) return saveProblem(result.error);
    const created = result.data?.createDirectoryConnector;
    if (created) {
      const next = created.type === 'BUILT_IN' ? 'Add its users below.' : 'Run a connection test to check it.';
      navigate(`/directories/${created.id}`, { state: { notice: `“${created.name}” was created. ${next}` } });
    }
    return null;
  };

  return (
    <>
      <BackLink />
      <div className="page-header">
        <div>
          <h1>New directory connector</h1>
          <p className="page-intro">Where Countersign checks users’ passwords. You can test the connection once it is saved.</p>
        </div>
      </div>
      <section className="panel">
        <DirectoryConnectorForm initial={initial} mode="new" onSave={onSave} />
      </section>
    </>
  );
}

/** `/directories/:id`: the saved settings, the connection test and, for a built-in directory, its users. */
function EditConnector({ connector }: { connector: DirectoryConnector }) {
  const [, update] = useMutation(UpdateDirectoryConnectorMutation);
  const [notice, setNotice] = useArrivalNotice();
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((changed: boolean) => {
    setDirty(changed);
    if (changed) setNotice(null);
  }, []);

  const onSave = async (values: ConnectorFormValues) => {
    setNotice(null);
    const result = await update({ id: connector.id, input: connectorInputFrom(values) });
    if (result.error) return saveProblem(result.error);
    setNotice('Saved.');
    return null;
  };

  const builtIn = connector.type === 'BUILT_IN';
  return (
    <>
      <BackLink />
      <div className="page-header">
        <div>
          <div className="title-row">
            <h1>{connector.name}</h1>
            <span className="badge">{directoryTypeLabel(connector.type)}</span>
            {connector.template ? <span className="badge badge-template">Template</span> : null}
          </div>
          <nav className="section-links" aria-label="On this page">
            <a href="#settings">Settings</a>
            {builtIn ? <a href="#users">Users</a> : null}
            <a href="#test">Connection test</a>
          </nav>
        </div>
      </div>

      {connector.template ? (
        <Alert tone="info" title="This is the template directory">
          Every organisation starts with it so sign-in works before any LDAP server is connected. Rename it and
          manage its users below, or add your own directory and delete this one.
        </Alert>
      ) : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <section className="panel page-section" id="settings" aria-label="Settings">
        <DirectoryConnectorForm
          key={connector.updatedAt}
          initial={connectorFormFrom(connector)}
          mode="edit"
          connectorId={connector.id}
          passwordStored={connector.hasBindPassword}
          onSave={onSave}
          onDirtyChange={onDirtyChange}
        />
      </section>

      {builtIn ? (
        <section className="panel page-section" id="users" aria-labelledby="users-title">
          <DirectoryUsersSection connectorId={connector.id} titleId="users-title" />
        </section>
      ) : null}

      <section className="panel page-section" id="test" aria-labelledby="test-title">
        <h2 id="test-title">Connection test</h2>
        <ConnectionTestPanel connectorId={connector.id} type={connector.type} lastTest={connector.lastTest} unsaved={dirty} />
      </section>

    </>
  );
}

function LoadConnector({ id }: { id: string }) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DirectoryConnectorQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  usePageTitle(data?.directoryConnector.name ?? 'Directory connector');
  if (data?.directoryConnector) return <EditConnector connector={data.directoryConnector} />;
  if (fetching) {
    return (
      <>
        <BackLink />
        <LoadingStatus>Loading the directory connector…</LoadingStatus>
      </>
    );
  }
  return (
    <>
      <BackLink />
      <LoadFailed what="directory connector" listPath="/directories" error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    </>
  );
}

export function DirectoryEditPage() {
  const { id } = useParams();
  return id ? <LoadConnector key={id} id={id} /> : <NewConnector />;
}
