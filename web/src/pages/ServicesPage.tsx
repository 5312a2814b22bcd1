import { Route, Routes } from 'react-router';
import '../services.css';
import { NotFoundPage } from './NotFoundPage';
import { ServiceEditPage } from './ServiceEditPage';
import { ServiceListPage } from './ServiceListPage';

/** The Services section: the service instances, a new one, and one service's settings and state. */
export function ServicesPage() {
  return (
    <Routes>
      <Route index element={<ServiceListPage />} />
      <Route path="new" element={<ServiceEditPage />} />
      <Route path=":id" element={<ServiceEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
