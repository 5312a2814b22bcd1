import { Route, Routes } from 'react-router';
import '../saml.css';
import { NotFoundPage } from './NotFoundPage';
import { SamlConnectorEditPage } from './SamlConnectorEditPage';
import { SamlConnectorListPage } from './SamlConnectorListPage';

/** Connectors › SAML: the connector list, a new connector, and one connector's settings, keys and scripts. */
export function SamlConnectorsPage() {
  return (
    <Routes>
      <Route index element={<SamlConnectorListPage />} />
      <Route path="new" element={<SamlConnectorEditPage />} />
      <Route path=":id" element={<SamlConnectorEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
