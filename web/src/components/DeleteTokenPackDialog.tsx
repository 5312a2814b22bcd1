import { useState } from 'react';
import { useMutation } from 'urql';
import { DeleteTokenPackMutation } from '../graphql/DeleteTokenPackMutation';
import type { TokenPack } from '../graphql/tokenPackTypes';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';

const packsChanged = { additionalTypenames: ['TokenPack'] };

/** Asks before deleting a token pack, saying what stops working; calls `onDeleted` once it is gone. */
export function DeleteTokenPackDialog({ pack, onClose, onDeleted }: { pack: TokenPack; onClose: () => void; onDeleted: () => void }) {
  const [{ fetching }, deletePack] = useMutation(DeleteTokenPackMutation);
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setError(null);
    const result = await deletePack({ id: pack.id }, packsChanged);
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    onDeleted();
  }

  return (
    <ConfirmDialog
      title={`Delete “${pack.name}”?`}
      confirmLabel="Delete token pack"
      busyLabel="Deleting…"
      busy={fetching}
      error={error}
      onConfirm={onConfirm}
      onCancel={onClose}
    >
      <p>Enrollment links already emailed with this pack stop working, and its trusted networks go with it.</p>
      <p>This cannot be undone.</p>
    </ConfirmDialog>
  );
}
