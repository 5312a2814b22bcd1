import { useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { describeError } from '../internal/describeError';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Asks before deleting something: runs `remove`, shows the server's refusal in the dialog
 * (e.g. "stop it before deleting it"), and calls `onDeleted` once it is gone.
 */
export function DeleteDialog({
  name,
  confirmLabel,
  busy,
  remove,
  onClose,
  onDeleted,
  children,
}: {
  name: string;
  confirmLabel: string;
  busy: boolean;
  remove: () => Promise<{ error?: CombinedError }>;
  onClose: () => void;
  onDeleted: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);

  async function onConfirm() {
    setError(null);
    const result = await remove();
    if (result.error) {
      setError(describeError(result.error).message);
      return;
    }
    onDeleted();
  }

  return (
    <ConfirmDialog title={`Delete “${name}”?`} confirmLabel={confirmLabel} busyLabel="Deleting…" busy={busy} error={error} onConfirm={onConfirm} onCancel={onClose}>
      {children}
    </ConfirmDialog>
  );
}
