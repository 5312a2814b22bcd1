import { Route, Routes } from 'react-router';
import '../directories.css';
import { DirectoryEditPage } from './DirectoryEditPage';
import { DirectoryListPage } from './DirectoryListPage';
import { NotFoundPage } from './NotFoundPage';

/** The Directories section: the connector list, a new connector, and one connector's settings (and users). */
export function DirectoriesPage() {
  return (
    <Routes>
      <Route index element={<DirectoryListPage />} />
      <Route path="new" element={<DirectoryEditPage />} />
      <Route path=":id" element={<DirectoryEditPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
