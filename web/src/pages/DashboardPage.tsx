import '../dashboard.css';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert } from '../components/Alert';
import { FraudReportTable } from '../components/FraudReportTable';
import { GettingStartedChecklist } from '../components/GettingStartedChecklist';
import { LoadingStatus } from '../components/LoadingStatus';
import { SignInsChart } from '../components/SignInsChart';
import { DashboardStatsQuery } from '../graphql/DashboardStatsQuery';
import { SetupOverviewQuery } from '../graphql/SetupOverviewQuery';
import { usePageTitle } from '../hooks/usePageTitle';
import { describeError } from '../internal/describeError';
import { gettingStarted } from '../internal/gettingStarted';

/** Refetched whenever any of these change (e.g. after a test or a send elsewhere in the app). */
const setupContext = { additionalTypenames: ['ServiceInstance', 'DirectoryConnector', 'SamlConnector', 'TokenPack'] };

/** The overview: what is left to set up for each service, and how sign-ins are going. */
export function DashboardPage() {
  usePageTitle('Dashboard');
  const [setup, refetchSetup] = useQuery({ query: SetupOverviewQuery, requestPolicy: 'cache-and-network', context: setupContext });
  const [stats, refetchStats] = useQuery({ query: DashboardStatsQuery, variables: { hours: 24 }, requestPolicy: 'cache-and-network' });
  const lists = setup.data ? gettingStarted(setup.data) : [];
  const pending = lists.filter((list) => list.next);
  const figures = stats.data?.dashboardStats;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="page-intro">What is left to set up, and how sign-ins have gone over the last 24 hours.</p>
        </div>
      </div>

      <section className="page-section" aria-labelledby="getting-started">
        <div className="section-header">
          <div>
            <h2 id="getting-started">Getting started</h2>
            <p className="muted">
              {!setup.data
                ? 'Checking your configuration…'
                : lists.length === 0
                  ? 'No service yet.'
                  : pending.length === 0
                    ? 'Every service is set up.'
                    : 'Five steps per service, from the directory to the first token pack email.'}
            </p>
          </div>
        </div>
        {setup.error ? (
          <Alert title="The set-up steps could not be checked">
            {describeError(setup.error).message}{' '}
            <button type="button" className="link-button" onClick={() => refetchSetup({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </Alert>
        ) : null}
        {setup.data && lists.length === 0 ? (
          <p className="empty-note">
            <Link to="/services/new">Add a service</Link> for the application your users sign in to.
          </p>
        ) : (
          <div className="checklists">
            {lists.map((list) => (
              <GettingStartedChecklist key={list.serviceId} list={list} icon={setup.data!.services.find((s) => s.id === list.serviceId)?.icon ?? null} />
            ))}
          </div>
        )}
      </section>

      <section className="page-section" aria-labelledby="figures">
        <h2 id="figures">Last 24 hours</h2>
        {stats.error ? (
          <Alert title="The figures could not be loaded">
            {describeError(stats.error).message}{' '}
            <button type="button" className="link-button" onClick={() => refetchStats({ requestPolicy: 'network-only' })}>
              Try again
            </button>
          </Alert>
        ) : null}
        {!figures && stats.fetching ? (
          <LoadingStatus>Loading figures…</LoadingStatus>
        ) : figures ? (
          <>
            <dl className="stat-tiles">
              <div className="panel stat-tile">
                <dt>Enrolled users</dt>
                <dd>{figures.enrolledUsers}</dd>
              </div>
              <div className="panel stat-tile">
                <dt>Active devices</dt>
                <dd>{figures.activeDevices}</dd>
              </div>
              <div className="panel stat-tile">
                <dt>Services running</dt>
                <dd>
                  {figures.servicesRunning}
                  <span className="stat-of"> of {figures.servicesTotal}</span>
                </dd>
              </div>
              <div className="panel stat-tile">
                <dt>Approved sign-ins</dt>
                <dd>{figures.signInsByHour.reduce((sum, hour) => sum + hour.approved, 0)}</dd>
              </div>
            </dl>
            <div className="panel dashboard-card">
              <h3>Sign-ins per hour</h3>
              <SignInsChart hours={figures.signInsByHour} />
            </div>
            <div className="dashboard-card">
              <div className="section-header">
                <h3>Recent fraud reports</h3>
                <Link to="/audit?type=FraudReported">All in the audit log</Link>
              </div>
              <FraudReportTable reports={figures.recentFraudReports} />
            </div>
          </>
        ) : null}
      </section>
    </>
  );
}
