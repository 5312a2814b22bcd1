import { Navigate, Route, Routes } from 'react-router';
import { RequireAdmin } from './components/RequireAdmin';
import { AuditPage } from './pages/AuditPage';
import { DashboardPage } from './pages/DashboardPage';
import { DirectoriesPage } from './pages/DirectoriesPage';
import { InvitationPage } from './pages/InvitationPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SamlConnectorsPage } from './pages/SamlConnectorsPage';
import { ServicesPage } from './pages/ServicesPage';
import { SettingsPage } from './pages/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { SignInPage } from './pages/SignInPage';
import { TokenPacksPage } from './pages/TokenPacksPage';
import { UsersPage } from './pages/UsersPage';

/** The admin dashboard's routes: sign-in and setup are public, everything else needs a session. */
export function App() {
  return (
    <Routes>
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/invitation/:token" element={<InvitationPage />} />
      <Route element={<RequireAdmin />}>
        <Route index element={<DashboardPage />} />
        <Route path="directories/*" element={<DirectoriesPage />} />
        <Route path="connectors" element={<Navigate to="/connectors/saml" replace />} />
        <Route path="connectors/saml/*" element={<SamlConnectorsPage />} />
        <Route path="services/*" element={<ServicesPage />} />
        <Route path="token-packs" element={<TokenPacksPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
