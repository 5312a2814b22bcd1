import { useMutation } from 'urql';
import { DeleteSamlConnectorMutation } from '../graphql/DeleteSamlConnectorMutation';
import type { SamlConnector } from '../graphql/samlTypes';
import { DeleteDialog } from './DeleteDialog';

const connectorsChanged = { additionalTypenames: ['SamlConnector', 'ServiceInstance'] };

/** Asks before deleting a SAML connector; the server refuses while a service uses it, and its message is shown. */
export function DeleteSamlConnectorDialog({
  connector,
  onClose,
  onDeleted,
}: {
  connector: SamlConnector;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [{ fetching }, deleteConnector] = useMutation(DeleteSamlConnectorMutation);

  return (
    <DeleteDialog name={connector.name} confirmLabel="Delete connector" busy={fetching} remove={() => deleteConnector({ id: connector.id }, connectorsChanged)} onClose={onClose} onDeleted={onDeleted}>
      <p>Its signing keys are deleted with it; answers it signed can no longer be checked against its metadata.</p>
      {connector.kind === 'OFFICE_365' ? (
        <p>
          If {connector.federatedDomain ?? 'the domain'} is still federated to Countersign, run the “Revert to managed”
          script first, or its users cannot sign in to Microsoft 365.
        </p>
      ) : null}
      <p>This cannot be undone.</p>
    </DeleteDialog>
  );
}
