import { Link } from 'react-router';
import { SectionPlaceholder } from '../components/SectionPlaceholder';
import { useAdmin } from '../hooks/useAdmin';

export function DashboardPage() {
  const admin = useAdmin();
  return (
    <SectionPlaceholder
      title="Dashboard"
      summary="An overview of your tenant: how sign-ins are going and whether everything is connected."
      plans={[
        'See recent sign-ins, approvals and denials at a glance.',
        'Keep track of enrollments in progress and token pack emails.',
        'Check the health of your directories, SAML connectors and services.',
      ]}
    >
      <p className="placeholder-next">
        Until then, the <Link to="/audit">Audit log</Link> shows every change and every sign-in as it happens.
      </p>
      <dl className="facts">
        <dt>Signed in as</dt>
        <dd>{admin.email}</dd>
        <dt>Tenant</dt>
        <dd>
          <code>{admin.tenantId}</code>
        </dd>
      </dl>
    </SectionPlaceholder>
  );
}
