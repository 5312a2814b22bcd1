import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { DeleteConnectorDialog } from '../components/DeleteConnectorDialog';
import { DirectoryConnectorTable } from '../components/DirectoryConnectorTable';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { ListSearchField } from '../components/ListSearchField';
import { ListSearchFooter } from '../components/ListSearchFooter';
import { LoadingStatus } from '../components/LoadingStatus';
import { TestConnectorDialog } from '../components/TestConnectorDialog';
import { DirectoryConnectorsQuery } from '../graphql/DirectoryConnectorsQuery';
import type { DirectoryConnector } from '../graphql/directoryTypes';
import { useListSearch } from '../hooks/useListSearch';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError } from '../internal/describeError';
import { directoryTypeLabel, securityLabel } from '../internal/directoryLabels';

/** Also refetched when the list was empty, which the document cache cannot tie to a type. */
const listContext = { additionalTypenames: ['DirectoryConnector'] };

const searchOptions = {
  noun: { one: 'directory connector', other: 'directory connectors' },
  fields: (connector: DirectoryConnector) => [
    connector.name,
    directoryTypeLabel(connector.type),
    connector.security ? securityLabel(connector.security) : null,
    connector.baseDn,
    connector.template ? 'Template' : null,
    ...connector.hosts,
  ],
};

export function DirectoryListPage() {
  usePageTitle('Directories');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DirectoryConnectorsQuery,
    requestPolicy: 'cache-and-network',
    context: listContext,
  });
  const [testing, setTesting] = useState<DirectoryConnector | null>(null);
  const [deleting, setDeleting] = useState<DirectoryConnector | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const connectors = data?.directoryConnectors ?? [];
  const list = useListSearch(connectors, searchOptions);
  const titleRef = useRef<HTMLHeadingElement>(null);

  return (
    <>
      <div className="page-header">
        <div>
          <h1 ref={titleRef} tabIndex={-1}>
            Directories
          </h1>
          <p className="page-intro">
            Where users’ passwords are checked before Countersign asks for the second factor.
          </p>
        </div>
        <Link to="/directories/new" className="button">
          <Icon name="plus" /> New directory connector
        </Link>
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert title="The directories could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </Alert>
      ) : null}

      {!data && fetching ? (
        <LoadingStatus>Loading directories…</LoadingStatus>
      ) : data && connectors.length === 0 ? (
        <EmptyState action={<Link to="/directories/new">Add a directory connector</Link>}>
          No directory yet. Connect your Active Directory or LDAP server, or keep users in Countersign’s built-in
          directory.
        </EmptyState>
      ) : data ? (
        <>
          <ListSearchField view={list} placeholder="Name, type or host" />
          {list.items.length > 0 ? <DirectoryConnectorTable connectors={list.items} onTest={setTesting} onDelete={setDeleting} /> : null}
          <ListSearchFooter view={list} />
        </>
      ) : null}

      {testing ? <TestConnectorDialog connector={testing} onClose={() => setTesting(null)} /> : null}
      {deleting ? (
        <DeleteConnectorDialog
          connector={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`“${deleting.name}” was deleted.`);
            setDeleting(null);
            // Its row, which opened the dialog, is gone: give focus a place that stays.
            window.setTimeout(() => titleRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
