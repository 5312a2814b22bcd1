import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <>
      <div className="page-header">
        <h1>Page not found</h1>
      </div>
      <section className="panel">
        <p>
          There is no page at <code>{pathname}</code>. It may have moved, or the link may be mistyped.
        </p>
        <p>
          <Link to="/">Go to the dashboard</Link>
        </p>
      </section>
    </>
  );
}
