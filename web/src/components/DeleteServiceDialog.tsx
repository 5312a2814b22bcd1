import { useState } from 'react';
import { useMutation } from 'urql';
import { DeleteServiceMutation } from '../graphql/DeleteServiceMutation';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';

const servicesChanged = { additionalTypenames: ['ServiceInstance', 'SamlConnector'] };

/** Asks before deleting a service; the server refuses while it runs, and its message is shown here. */
export function DeleteServiceDialog({ service, onClose, onDeleted }: { service: ServiceInstance; onClose: () => void; onDeleted: () => void }) {
  const [{ fetching }, deleteService] = useMutation(DeleteServiceMutation);
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setError(null);
    const result = await deleteService({ id: service.id }, servicesChanged);
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    onDeleted();
  }

  return (
    <ConfirmDialog
      title={`Delete “${service.name}”?`}
      confirmLabel="Delete service"
      busyLabel="Deleting…"
      busy={fetching}
      error={error}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      <p>Its sign-in and metadata URLs stop working for good. Its directory and SAML connectors are kept.</p>
      <p>This cannot be undone.</p>
    </ConfirmDialog>
  );
}
