import { useArrivalNotice } from '../hooks/useArrivalNotice';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { ListSearchField } from '../components/ListSearchField';
import { ListSearchFooter } from '../components/ListSearchFooter';
import { LoadingStatus } from '../components/LoadingStatus';
import { ServiceCard } from '../components/ServiceCard';
import { DirectoryConnectorsQuery } from '../graphql/DirectoryConnectorsQuery';
import { SamlConnectorsQuery } from '../graphql/SamlConnectorsQuery';
import { ServicesQuery } from '../graphql/ServicesQuery';
import { useListSearch } from '../hooks/useListSearch';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError } from '../internal/describeError';

const servicesContext = { additionalTypenames: ['ServiceInstance'] };
const connectorsContext = { additionalTypenames: ['DirectoryConnector', 'SamlConnector'] };

export function ServiceListPage() {
  usePageTitle('Services');
  const [notice] = useArrivalNotice();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ServicesQuery, requestPolicy: 'cache-and-network', context: servicesContext });
  const [directories] = useQuery({ query: DirectoryConnectorsQuery, requestPolicy: 'cache-and-network', context: connectorsContext });
  const [samlConnectors] = useQuery({ query: SamlConnectorsQuery, requestPolicy: 'cache-and-network', context: connectorsContext });
  const directoryNames = new Map((directories.data?.directoryConnectors ?? []).map((c) => [c.id, c.name]));
  const samlNames = new Map((samlConnectors.data?.samlConnectors ?? []).map((c) => [c.id, c.name]));
  const nameOf = (names: Map<string, string>, loaded: boolean, id: string | null) =>
    id ? (names.get(id) ?? (loaded ? 'A deleted connector' : '…')) : undefined;
  const services = data?.services ?? [];
  const list = useListSearch(services, {
    noun: { one: 'service', other: 'services' },
    fields: (service) => [
      service.name,
      service.description,
      service.state === 'STARTED' ? 'Started' : 'Stopped',
      service.secondFactor === 'OFF' ? 'Password only' : null,
      service.directoryConnectorId ? directoryNames.get(service.directoryConnectorId) : null,
      service.samlConnectorId ? samlNames.get(service.samlConnectorId) : null,
    ],
  });

  return (
    <>
      <div className="page-header">
        <div>
          <h1 tabIndex={-1}>Services</h1>
          <p className="page-intro">
            Each service puts Countersign in front of one application: its users sign in with their directory password,
            then approve on their device.
          </p>
        </div>
        <Link to="/services/new" className="button">
          <Icon name="plus" /> New service
        </Link>
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {error ? (
        <Alert title="The services could not be loaded">
          {describeError(error).message}{' '}
          <button type="button" className="link-button" onClick={() => reexecute({ requestPolicy: 'network-only' })}>
            Try again
          </button>
        </Alert>
      ) : null}

      {!data && fetching ? (
        <LoadingStatus>Loading services…</LoadingStatus>
      ) : data && services.length === 0 ? (
        <EmptyState action={<Link to="/services/new">Add a service</Link>}>
          No service yet. A service joins a directory and a SAML connector so an application’s users can sign in.
        </EmptyState>
      ) : data ? (
        <>
          <ListSearchField view={list} placeholder="Name, state or connector" />
          {list.items.length > 0 ? (
            <ul className="service-list" aria-label="Services">
              {list.items.map((service) => (
                <li key={service.id}>
                  <ServiceCard
                    service={service}
                    directoryName={nameOf(directoryNames, Boolean(directories.data), service.directoryConnectorId)}
                    samlName={nameOf(samlNames, Boolean(samlConnectors.data), service.samlConnectorId)}
                  />
                </li>
              ))}
            </ul>
          ) : null}
          <ListSearchFooter view={list} />
        </>
      ) : null}
    </>
  );
}
