import { useMutation } from 'urql';
import { DeleteServiceMutation } from '../graphql/DeleteServiceMutation';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { DeleteDialog } from './DeleteDialog';

const servicesChanged = { additionalTypenames: ['ServiceInstance', 'SamlConnector'] };

/** Asks before deleting a service; the server refuses while it runs, and its message is shown here. */
export function DeleteServiceDialog({ service, onClose, onDeleted }: { service: ServiceInstance; onClose: () => void; onDeleted: () => void }) {
  const [{ fetching }, deleteService] = useMutation(DeleteServiceMutation);

  return (
    <DeleteDialog name={service.name} confirmLabel="Delete service" busy={fetching} remove={() => deleteService({ id: service.id }, servicesChanged)} onClose={onClose} onDeleted={onDeleted}>
      <p>Its sign-in and metadata URLs stop working for good. Its directory and SAML connectors are kept.</p>
      <p>This cannot be undone.</p>
    </DeleteDialog>
  );
}
