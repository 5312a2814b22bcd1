import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { DeleteSamlConnectorDialog } from '../components/DeleteSamlConnectorDialog';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { ListSearchField } from '../components/ListSearchField';
import { ListSearchFooter } from '../components/ListSearchFooter';
import { LoadingStatus } from '../components/LoadingStatus';
import { SamlConnectorTable } from '../components/SamlConnectorTable';
import { SamlConnectorsQuery } from '../graphql/SamlConnectorsQuery';
import type { SamlConnector } from '../graphql/samlTypes';
import { ServicesQuery } from '../graphql/ServicesQuery';
import { useListSearch } from '../hooks/useListSearch';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError } from '../internal/describeError';
import { samlKindLabel } from '../internal/samlLabels';

/** Also refetched when a list was empty, which the document cache cannot tie to a type. */
const connectorsContext = { additionalTypenames: ['SamlConnector'] };
const servicesContext = { additionalTypenames: ['ServiceInstance'] };

export function SamlConnectorListPage() {
  usePageTitle('SAML connectors');
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SamlConnectorsQuery,
    requestPolicy: 'cache-and-network',
    context: connectorsContext,
  });
  const [services] = useQuery({ query: ServicesQuery, requestPolicy: 'cache-and-network', context: servicesContext });
  const [deleting, setDeleting] = useState<SamlConnector | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const connectors = data?.samlConnectors ?? [];
  const serviceNames = new Map((services.data?.services ?? []).map((service) => [service.id, service.name]));
  const list = useListSearch(connectors, {
    noun: { one: 'SAML connector', other: 'SAML connectors' },
    fields: (connector) => [
      connector.name,
      samlKindLabel(connector.kind),
      connector.kind === 'OFFICE_365' ? 'Microsoft 365' : 'SAML 2.0',
      connector.federatedDomain,
      connector.spEntityId,
      connector.issuer,
      connector.template ? 'Template' : null,
      ...connector.usedByServiceIds.map((id) => serviceNames.get(id)),
    ],
  });

  return (
    <>
      <div className="page-header">
        <div>
          <h1 ref={titleRef} tabIndex={-1}>
            SAML connectors
          </h1>
          <p className="page-intro">
            How Countersign answers each application: Microsoft 365 for a federated domain, or any SAML 2.0 service
            provider.
          </p>
        </div>
        <Link to="/connectors/saml/new" className="button">
          <Icon name="plus" /> New SAML connector
        </Link>
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert title="The SAML connectors could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </Alert>
      ) : null}

      {!data && fetching ? (
        <LoadingStatus>Loading SAML connectors…</LoadingStatus>
      ) : data && connectors.length === 0 ? (
        <EmptyState action={<Link to="/connectors/saml/new">Add a SAML connector</Link>}>
          No SAML connector yet. Add one for Microsoft 365 or for any application that signs users in with SAML 2.0.
        </EmptyState>
      ) : data ? (
        <>
          <ListSearchField view={list} placeholder="Name, kind, domain or entity ID" />
          {list.items.length > 0 ? <SamlConnectorTable connectors={list.items} services={services.data?.services ?? []} onDelete={setDeleting} /> : null}
          <ListSearchFooter view={list} />
        </>
      ) : null}

      {deleting ? (
        <DeleteSamlConnectorDialog
          connector={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`“${deleting.name}” was deleted.`);
            setDeleting(null);
            window.setTimeout(() => titleRef.current?.focus());
          }}
        />
      ) : null}
    </>
  );
}
